package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.exitbot.analysis.AgreementMetrics.Outcome;
import org.junit.jupiter.api.Test;

class EvaluationMetricsTest {

    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome("en", Sentiment.NEGATIVE, Sentiment.NEGATIVE, Set.of(Theme.CAREER_GROWTH, Theme.RECOGNITION),
                    Set.of(Theme.CAREER_GROWTH)),
            new Outcome("en", Sentiment.POSITIVE, Sentiment.NEGATIVE, Set.of(), Set.of(Theme.TEAM_CULTURE)),
            new Outcome("de", Sentiment.MIXED, Sentiment.UNKNOWN, Set.of(Theme.CAREER_GROWTH),
                    Set.of(Theme.CAREER_GROWTH)),
            new Outcome("en", Sentiment.NEUTRAL, Sentiment.NEUTRAL, Set.of(), Set.of()));

    @Test
    void accuracyCountsUnknownAsAMiss() {
        assertThat(AgreementMetrics.sentimentAccuracy(OUTCOMES)).isEqualTo(0.5);
        assertThat(AgreementMetrics.sentimentCoverage(OUTCOMES)).isEqualTo(0.75);
    }

    @Test
    void macroF1AveragesTheF1OfEveryLabelExpectedOrPredicted() {
        // negative: P 1/2, R 1/1 -> 2/3; positive and mixed: 0; neutral: 1
        assertThat(AgreementMetrics.sentimentMacroF1(OUTCOMES)).isCloseTo((2.0 / 3 + 0 + 0 + 1) / 4, within(1e-9));
    }

    @Test
    void microF1PoolsEveryThemeOfEveryItem() {
        // 2 found, 1 extra, 1 missed: P 2/3, R 2/3
        assertThat(AgreementMetrics.themeMicroF1(OUTCOMES)).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void nothingToCountScoresZeroRatherThanFailing() {
        assertThat(AgreementMetrics.sentimentAccuracy(List.of())).isZero();
        assertThat(AgreementMetrics.themeMicroF1(List.of(OUTCOMES.get(3)))).isZero();
        assertThat(AgreementMetrics.sentimentMacroF1(List.of())).isZero();
    }

    @Test
    void theReportHasEveryFigureOverallAndPerLanguage() {
        var report = EvaluationMetrics.report(OUTCOMES);
        assertThat(report).containsOnlyKeys("count", "sentiment_accuracy", "sentiment_macro_f1", "theme_micro_f1",
                "sentiment_coverage");
        assertThat(report.get("count")).containsExactly(java.util.Map.entry("overall", 4), java.util.Map.entry("de", 1),
                java.util.Map.entry("en", 3));
        assertThat(report.get("sentiment_accuracy").get("en").doubleValue()).isEqualTo(0.6667);
        assertThat(report.get("sentiment_accuracy").get("de").doubleValue()).isZero();
        assertThat(report.get("theme_micro_f1").get("de").doubleValue()).isEqualTo(1.0);
    }
}
