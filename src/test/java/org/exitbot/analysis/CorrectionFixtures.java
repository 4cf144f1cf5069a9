package org.exitbot.analysis;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exitbot.report.ReportFixtures;
import org.exitbot.report.ReportFixtures.Seed;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Interviews with one answer, analysed by a given model and prompt version, and corrected by HR through
 * {@link AnalysisCorrections}: the seeds of the agreement report's and the export's tests.
 */
public final class CorrectionFixtures {

    public static final String REVIEWER = "hr";
    /** In an answer, stands for the employee's name. */
    public static final String NAME = "{name}";

    private final JdbcTemplate jdbc;
    private final AnalysisCorrections corrections;
    private final ReportFixtures reports;

    public CorrectionFixtures(JdbcTemplate jdbc, AnalysisCorrections corrections) {
        this.jdbc = jdbc;
        this.corrections = corrections;
        this.reports = new ReportFixtures(jdbc);
    }

    /** What the analysis said of the interview and its one answer, and what HR says instead. */
    public record Corrected(String model, String promptVersion, String language, String answer, Sentiment analysis,
            Set<Theme> analysisThemes, Sentiment hr, Set<Theme> hrThemes) {
    }

    /** Seeds the interview, its analyses (the same labels for the answer and the interview) and HR's correction. */
    public UUID insert(Corrected c) {
        UUID id = reports.insert(new Seed(ReportFixtures.department(), org.exitbot.interview.Visibility.ATTRIBUTED,
                org.exitbot.interview.InterviewStatus.COMPLETED, true, Instant.now().minus(3, ChronoUnit.DAYS),
                java.time.Duration.ofHours(1), c.analysis(), -0.5, null, List.copyOf(c.analysisThemes()), "voluntary"));
        jdbc.update("update interview set locale = ? where id = ?", c.language(), id);
        String name = jdbc.queryForObject("select employee_name from interview where id = ?", String.class, id);
        jdbc.update("update interview_message set text = ? where interview_id = ? and kind = 'ANSWER'",
                c.answer().replace(NAME, name), id);
        jdbc.update("update interview_analysis set model = ?, prompt_version = ? where interview_id = ?", c.model(),
                c.promptVersion(), id);
        Long answerId = jdbc.queryForObject("select id from interview_message where interview_id = ? and kind = 'ANSWER'",
                Long.class, id);
        jdbc.update("insert into answer_analysis (message_id, sentiment, score, themes, model, prompt_version, fallback,"
                + " created_at) values (?, ?, null, ?, ?, 'answer-analysis/v1', false, ?)", answerId, c.analysis().name(),
                evidence(c.analysisThemes()), c.model(), Timestamp.from(Instant.now()));
        var labels = new AnalysisCorrections.Labels(c.hr().code(), codes(c.hrThemes()), null);
        corrections.record(id, labels, List.of(new AnalysisCorrections.Labels(c.hr().code(), codes(c.hrThemes()), null)),
                true, REVIEWER);
        return id;
    }

    /**
     * The project's labelled set as if HR had corrected it: each labelled answer an interview of its own, each
     * persona an interview, with the set's labels as HR's and the fallback's verdict as the analysis corrected.
     */
    public static List<AnalysisCorrections.CorrectedItem> labelledSetAnalysedByTheFallback() throws java.io.IOException {
        var data = new LabelledData();
        var fallback = AnalysisEvaluation.fallback();
        var items = new java.util.ArrayList<AnalysisCorrections.CorrectedItem>();
        for (var answer : LabelledData.answers(Path.of(LabelledData.ANSWERS))) {
            var insight = fallback.answers().analyse(answer.lang(), data.question(answer.question(), answer.lang()),
                    answer.text());
            items.add(item(AnalysisCorrections.Level.ANSWER, answer.lang(), insight.sentiment(),
                    themes(insight.themes()), answer.sentiment(), answer.themes()));
        }
        for (var persona : LabelledData.personas(Path.of(LabelledData.PERSONAS))) {
            var verdict = fallback.interviews().apply(persona.lang(), data.threads(persona));
            items.add(item(AnalysisCorrections.Level.INTERVIEW, persona.lang(), verdict.sentiment(),
                    themes(verdict.themes()), persona.expect().sentiment(), persona.expect().themes()));
        }
        return items;
    }

    private static AnalysisCorrections.CorrectedItem item(AnalysisCorrections.Level level, String language,
            Sentiment predicted, Set<Theme> predictedThemes, Sentiment labelled, List<Theme> labelledThemes) {
        return new AnalysisCorrections.CorrectedItem(UUID.randomUUID(), language, level, FallbackAnalyzer.MODEL,
                FallbackAnalyzer.VERSION, true, false, predicted, predictedThemes, labelled,
                labelledThemes.isEmpty() ? java.util.EnumSet.noneOf(Theme.class) : java.util.EnumSet.copyOf(labelledThemes));
    }

    private static Set<Theme> themes(List<ThemeEvidence> evidence) {
        var themes = java.util.EnumSet.noneOf(Theme.class);
        evidence.forEach(e -> themes.add(e.theme()));
        return themes;
    }

    private static List<String> codes(Set<Theme> themes) {
        return themes.stream().map(Theme::code).toList();
    }

    private static String evidence(Set<Theme> themes) {
        return themes.stream().map(t -> "{\"theme\":\"" + t.code() + "\",\"quote\":\"\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
