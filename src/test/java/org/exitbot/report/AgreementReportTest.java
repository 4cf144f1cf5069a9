package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.exitbot.analysis.AnalysisCorrections.CorrectedItem;
import org.exitbot.analysis.AnalysisCorrections.Level;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.report.AgreementReport.Agreement;
import org.exitbot.report.AgreementReport.Group;
import org.exitbot.report.AgreementReport.ThemeAgreement;
import org.junit.jupiter.api.Test;

/**
 * The agreement report on a seeded set whose figures are worked out by hand below: 20 corrected interviews of one
 * model (12 English, 8 German), and 4 of the fallback, with k = 5 and at least 20 reviews.
 */
class AgreementReportTest {

    static final int K = 5;
    static final int MIN_REVIEWS = 20;
    static final double CHECK_BELOW = 0.6;
    static final String MODEL = "llama3.1:8b";
    static final String PROMPT = "analysis/v2";

    final List<UUID> ids = IntStream.range(0, 24).mapToObj(i -> UUID.randomUUID()).toList();

    /**
     * Interviews 0-11 are English, 12-19 German, all analysed by {@code MODEL}; 20-23 by the fallback.
     * <pre>
     * sentiment, HR → analysis:
     *   en  0-5   negative → 0-4 negative, 5 neutral
     *   en  6-11  positive → 6-9 positive, 10-11 negative
     *   de 12-15  negative → negative
     *   de 16-19  mixed    → 16-17 mixed, 18-19 negative
     * themes:
     *   career_growth  HR 0-9,              analysis 0-7 and 12-13
     *   recognition    HR 0-5,              analysis 0-1 and 14-16
     *   team_culture   HR 18-19,            analysis none
     * </pre>
     */
    List<CorrectedItem> seeded() {
        var items = new ArrayList<CorrectedItem>();
        for (int i = 0; i < 20; i++) {
            Sentiment hr = i <= 5 ? Sentiment.NEGATIVE : i <= 11 ? Sentiment.POSITIVE : i <= 15 ? Sentiment.NEGATIVE
                    : Sentiment.MIXED;
            Sentiment analysis = i <= 4 ? Sentiment.NEGATIVE : i == 5 ? Sentiment.NEUTRAL : i <= 9 ? Sentiment.POSITIVE
                    : i <= 15 ? Sentiment.NEGATIVE : i <= 17 ? Sentiment.MIXED : Sentiment.NEGATIVE;
            var hrThemes = EnumSet.noneOf(Theme.class);
            var analysisThemes = EnumSet.noneOf(Theme.class);
            if (i <= 9) {
                hrThemes.add(Theme.CAREER_GROWTH);
            }
            if (i <= 7 || i == 12 || i == 13) {
                analysisThemes.add(Theme.CAREER_GROWTH);
            }
            if (i <= 5) {
                hrThemes.add(Theme.RECOGNITION);
            }
            if (i <= 1 || (i >= 14 && i <= 16)) {
                analysisThemes.add(Theme.RECOGNITION);
            }
            if (i >= 18) {
                hrThemes.add(Theme.TEAM_CULTURE);
            }
            items.add(item(i, i <= 11 ? "en" : "de", MODEL, PROMPT, analysis, analysisThemes, hr, hrThemes));
        }
        for (int i = 20; i < 24; i++) {
            items.add(item(i, "en", "fallback:lexicons+keywords", "fallback/v3", Sentiment.NEGATIVE, Set.of(),
                    Sentiment.NEGATIVE, Set.of()));
        }
        return items;
    }

    @Test
    void sentimentAccuracyAndMacroF1AsWorkedOutByHand() {
        Agreement report = AgreementReport.compute(seeded(), 24, K, MIN_REVIEWS, CHECK_BELOW);
        Group all = group(report, MODEL, null);
        assertThat(all.interviews().count()).isEqualTo(20);
        assertThat(all.items()).isEqualTo(20);
        // right: en 0-4 and 6-9 (9), de 12-15 and 16-17 (6): 15 of 20
        assertThat(all.sentimentAccuracy()).isCloseTo(15.0 / 20, within(1e-9));
        // F1 = 2·tp / (predicted + expected) per label:
        //   negative: tp 5 + 4 = 9; predicted 5 + 2 + 4 + 2 = 13; expected 6 + 4 = 10 → 18/23
        //   neutral:  tp 0; predicted 1; expected 0                                  → 0
        //   positive: tp 4; predicted 4; expected 6                                  → 8/10
        //   mixed:    tp 2; predicted 2; expected 4                                  → 4/6
        assertThat(all.sentimentMacroF1()).isCloseTo((18.0 / 23 + 0 + 8.0 / 10 + 4.0 / 6) / 4, within(1e-9));
        // English alone: right 0-4, 6-9 = 9 of 12; negative tp 5, predicted 7, expected 6 → 10/13;
        // neutral 0; positive tp 4, predicted 4, expected 6 → 8/10; no mixed
        Group english = group(report, MODEL, "en");
        assertThat(english.sentimentAccuracy()).isCloseTo(9.0 / 12, within(1e-9));
        assertThat(english.sentimentMacroF1()).isCloseTo((10.0 / 13 + 0 + 8.0 / 10) / 3, within(1e-9));
    }

    @Test
    void themePrecisionAndRecallPerThemeAsWorkedOutByHand() {
        Group all = group(AgreementReport.compute(seeded(), 24, K, MIN_REVIEWS, CHECK_BELOW), MODEL, null);
        // career_growth: HR 10, analysis 10, both 0-7 = 8 → precision 0.8, recall 0.8, F1 0.8: trusted
        ThemeAgreement career = theme(all, Theme.CAREER_GROWTH);
        assertThat(career.hr()).isEqualTo(10);
        assertThat(career.analysis()).isEqualTo(10);
        assertThat(career.agreed()).isEqualTo(8);
        assertThat(career.precision()).isCloseTo(0.8, within(1e-9));
        assertThat(career.recall()).isCloseTo(0.8, within(1e-9));
        assertThat(career.checkByHand()).isFalse();
        // recognition: HR 6, analysis 5, both 0-1 = 2 → precision 2/5, recall 2/6, F1 2·2/(5+6) = 4/11 < 0.6
        ThemeAgreement recognition = theme(all, Theme.RECOGNITION);
        assertThat(recognition.interviews().count()).as("0-5 and 14-16").isEqualTo(9);
        assertThat(recognition.precision()).isCloseTo(2.0 / 5, within(1e-9));
        assertThat(recognition.recall()).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(recognition.f1()).isCloseTo(4.0 / 11, within(1e-9));
        assertThat(recognition.checkByHand()).isTrue();
        // team_culture: 2 interviews (18, 19) have it: fewer than k, no figures and no mark
        ThemeAgreement team = theme(all, Theme.TEAM_CULTURE);
        assertThat(team.interviews().suppressed()).isTrue();
        assertThat(team.precision()).isNull();
        assertThat(team.recall()).isNull();
        assertThat(team.checkByHand()).isFalse();
        assertThat(all.themes()).extracting(ThemeAgreement::theme).as("themes nobody named are not listed; the rest in the taxonomy's order")
                .containsExactly("career_growth", "team_culture", "recognition");
    }

    @Test
    void aGroupOfFewerThanKInterviewsShowsNoFigures() {
        Agreement report = AgreementReport.compute(seeded(), 24, K, MIN_REVIEWS, CHECK_BELOW);
        Group fallback = group(report, "fallback:lexicons+keywords", null);
        assertThat(fallback.interviews().suppressed()).isTrue();
        assertThat(fallback.interviews().fewerThan()).isEqualTo(K);
        assertThat(fallback.sentimentAccuracy()).isNull();
        assertThat(fallback.sentimentMacroF1()).isNull();
        assertThat(fallback.items()).isNull();
        assertThat(fallback.themes()).isEmpty();
        assertThat(group(report, MODEL, "de").interviews().count()).as("8 German interviews: shown").isEqualTo(8);
    }

    @Test
    void nothingIsShownBeforeTwentyReviews() {
        Agreement report = AgreementReport.compute(seeded(), 19, K, MIN_REVIEWS, CHECK_BELOW);
        assertThat(report.note()).isEqualTo("Agreement shows once HR has corrected 20 reviews; 19 so far.");
        assertThat(report.answers()).isEmpty();
        assertThat(report.interviews()).isEmpty();
        assertThat(AgreementReport.compute(seeded(), 20, K, MIN_REVIEWS, CHECK_BELOW).note()).isNull();
    }

    @Test
    void answersAndInterviewsAreReportedApart() {
        var items = new ArrayList<>(seeded());
        items.add(new CorrectedItem(ids.get(0), "en", Level.ANSWER, MODEL, "answer-analysis/v1", false, false,
                Sentiment.NEGATIVE, Set.of(), Sentiment.NEGATIVE, Set.of()));
        Agreement report = AgreementReport.compute(items, 24, K, MIN_REVIEWS, CHECK_BELOW);
        assertThat(report.answers()).extracting(Group::promptVersion).containsOnly("answer-analysis/v1");
        assertThat(report.interviews()).extracting(Group::promptVersion).containsOnly(PROMPT, "fallback/v3");
    }

    private CorrectedItem item(int i, String language, String model, String prompt, Sentiment analysis,
            Set<Theme> analysisThemes, Sentiment hr, Set<Theme> hrThemes) {
        return new CorrectedItem(ids.get(i), language, Level.INTERVIEW, model, prompt, model.startsWith("fallback"),
                false, analysis, analysisThemes, hr, hrThemes);
    }

    private static Group group(Agreement report, String model, String language) {
        return report.interviews().stream().filter(g -> g.model().equals(model)
                && java.util.Objects.equals(g.language(), language)).findFirst().orElseThrow();
    }

    private static ThemeAgreement theme(Group group, Theme theme) {
        return group.themes().stream().filter(t -> t.theme().equals(theme.code())).findFirst().orElseThrow();
    }
}
