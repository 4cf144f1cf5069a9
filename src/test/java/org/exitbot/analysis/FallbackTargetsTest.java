package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the fallback at the targets on the English part of the project's labelled set, so a change to the
 * lexicon or the rules that loses accuracy fails the build (the full figures come from {@code -Peval}).
 */
class FallbackTargetsTest {

    @Test
    @SuppressWarnings("unchecked")
    void englishSentimentAndThemesMeetTheTargets() throws Exception {
        var figures = new AnalysisEvaluation().evaluate(Path.of(LabelledData.ANSWERS), null,
                List.of(AnalysisEvaluation.fallback()));
        var fallback = (Map<String, Map<String, Number>>) figures.get("fallback");
        assertThat(fallback.get("sentiment_macro_f1").get("en").doubleValue()).isGreaterThanOrEqualTo(0.60);
        assertThat(fallback.get("theme_micro_f1").get("en").doubleValue()).isGreaterThanOrEqualTo(0.50);
        assertThat(fallback.get("sentiment_coverage").get("en").doubleValue()).isEqualTo(1.0);
    }
}
