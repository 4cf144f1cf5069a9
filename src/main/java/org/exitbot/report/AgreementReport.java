package org.exitbot.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.exitbot.analysis.AgreementMetrics;
import org.exitbot.analysis.AgreementMetrics.Outcome;
import org.exitbot.analysis.AgreementMetrics.ThemeScore;
import org.exitbot.analysis.AnalysisCorrections;
import org.exitbot.analysis.AnalysisCorrections.CorrectedItem;
import org.exitbot.analysis.AnalysisCorrections.Level;
import org.exitbot.analysis.Theme;
import org.exitbot.analysis.ThemeTrust;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often the analyses agree with HR's corrections ({@code GET /api/reports/agreement}, the dashboard's
 * <em>Agreement</em> page): per model and prompt version, over all languages and per language, for answers and for
 * whole interviews. The corrected analysis counts under its own model and prompt version; the fallback of this
 * release, run again on the same words, counts under its own. Nothing is shown before {@code minReviews} interviews
 * are corrected, and a group (or a theme within one) of fewer than k interviews shows as "fewer than k".
 */
@Service
class AgreementReport implements ThemeTrust {

    /** The report: a note instead of figures while fewer than {@code minReviews} interviews are corrected. */
    public record Agreement(int minReviews, int reviews, int minGroupSize, double checkBelow, String note,
            List<Group> answers, List<Group> interviews) {
    }

    /**
     * One model and prompt version, over all languages ({@code language} null) or one. Figures are null for a
     * group of fewer than k interviews.
     */
    public record Group(String model, String promptVersion, String language, GroupCount interviews, Integer items,
            Double sentimentAccuracy, Double sentimentMacroF1, List<ThemeAgreement> themes) {
    }

    /**
     * One theme in a group: how many items HR gave it, the analysis gave it, and both; precision, recall and F1;
     * whether the review form marks it "check by hand". Figures are null where fewer than k of the group's
     * interviews have the theme by HR or by the analysis.
     */
    public record ThemeAgreement(String theme, GroupCount interviews, Integer hr, Integer analysis, Integer agreed,
            Double precision, Double recall, Double f1, boolean checkByHand) {
    }

    private final AnalysisCorrections corrections;
    private final ReportProperties reports;
    private final AgreementProperties properties;

    AgreementReport(AnalysisCorrections corrections, ReportProperties reports, AgreementProperties properties) {
        this.corrections = corrections;
        this.reports = reports;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public Agreement report() {
        return compute(corrections.items(), corrections.correctedInterviews(), reports.minGroupSize(),
                properties.minReviews(), properties.checkBelow());
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Theme> checkByHand(String model, String promptVersion) {
        var themes = EnumSet.noneOf(Theme.class);
        report().interviews().stream()
                .filter(g -> g.language() == null && g.model().equals(model) && g.promptVersion().equals(promptVersion))
                .flatMap(g -> g.themes().stream()).filter(ThemeAgreement::checkByHand)
                .forEach(t -> themes.add(Theme.valueOf(t.theme().toUpperCase(java.util.Locale.ROOT))));
        return themes;
    }

    /** The figures of these items; {@code reviews} is how many interviews HR corrected. */
    static Agreement compute(List<CorrectedItem> items, int reviews, int k, int minReviews, double checkBelow) {
        if (reviews < minReviews) {
            return new Agreement(minReviews, reviews, k, checkBelow, "Agreement shows once HR has corrected "
                    + minReviews + " reviews; " + reviews + " so far.", List.of(), List.of());
        }
        return new Agreement(minReviews, reviews, k, checkBelow, null, groups(items, Level.ANSWER, k, checkBelow),
                groups(items, Level.INTERVIEW, k, checkBelow));
    }

    private static List<Group> groups(List<CorrectedItem> all, Level level, int k, double checkBelow) {
        List<CorrectedItem> items = all.stream().filter(i -> i.level() == level).toList();
        var sources = new TreeSet<List<String>>(Comparator.<List<String>, String>comparing(s -> s.get(0))
                .thenComparing(s -> s.get(1)));
        items.forEach(i -> sources.add(List.of(i.model(), i.promptVersion())));
        var groups = new ArrayList<Group>();
        for (List<String> source : sources) {
            Predicate<CorrectedItem> ofSource = i -> i.model().equals(source.get(0))
                    && i.promptVersion().equals(source.get(1));
            groups.add(group(source, null, items.stream().filter(ofSource).toList(), k, checkBelow));
            new TreeSet<>(items.stream().filter(ofSource).map(CorrectedItem::language).toList()).forEach(language ->
                    groups.add(group(source, language, items.stream().filter(ofSource)
                            .filter(i -> i.language().equals(language)).toList(), k, checkBelow)));
        }
        return groups;
    }

    private static Group group(List<String> source, String language, List<CorrectedItem> items, int k,
            double checkBelow) {
        int interviews = interviews(items, i -> true);
        if (interviews < k) {
            return new Group(source.get(0), source.get(1), language, new GroupCount(null, null, k), null, null, null,
                    List.of());
        }
        List<Outcome> outcomes = items.stream().map(i -> new Outcome(i.language(), i.hrSentiment(),
                i.predictedSentiment(), i.hrThemes(), i.predictedThemes())).toList();
        var themes = new ArrayList<ThemeAgreement>();
        for (Theme theme : Theme.values()) {
            int withTheme = interviews(items, i -> i.hrThemes().contains(theme) || i.predictedThemes().contains(theme));
            if (withTheme == 0) {
                continue;
            }
            if (withTheme < k) {
                themes.add(new ThemeAgreement(theme.code(), new GroupCount(null, null, k), null, null, null, null, null,
                        null, false));
                continue;
            }
            ThemeScore score = AgreementMetrics.theme(outcomes, theme);
            themes.add(new ThemeAgreement(theme.code(), new GroupCount(null, withTheme, null), score.expected(),
                    score.predicted(), score.agreed(), score.precision(), score.recall(), score.f1(),
                    score.f1() < checkBelow));
        }
        return new Group(source.get(0), source.get(1), language, new GroupCount(null, interviews, null), items.size(),
                AgreementMetrics.sentimentAccuracy(outcomes), AgreementMetrics.sentimentMacroF1(outcomes), themes);
    }

    private static int interviews(List<CorrectedItem> items, Predicate<CorrectedItem> which) {
        Set<UUID> ids = new HashSet<>();
        items.stream().filter(which).map(CorrectedItem::interviewId).filter(Objects::nonNull).forEach(ids::add);
        return ids.size();
    }
}
