package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the fallback at the targets in every interview language of the project's labelled set, so a change
 * to a lexicon or the rules that loses accuracy fails the build (the full figures come from {@code -Peval}).
 */
class FallbackTargetsTest {

    private static Map<String, Map<String, Number>> fallback;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void measure() throws Exception {
        var figures = new AnalysisEvaluation().evaluate(Path.of(LabelledData.ANSWERS), null,
                List.of(AnalysisEvaluation.fallback()));
        fallback = (Map<String, Map<String, Number>>) figures.get("fallback");
    }

    @ParameterizedTest(name = "{0}: sentiment macro-F1 >= {1}, coverage >= {2}, theme micro-F1 >= {3}")
    @CsvSource({
        "en, 0.60, 1.0, 0.55",
        "de, 0.55, 0.9, 0.55",
        "fr, 0.55, 0.9, 0.55",
        "es, 0.55, 0.9, 0.55"})
    void everyLanguageMeetsItsTargets(String language, double macroF1, double coverage, double themeF1) {
        assertThat(fallback.get("count").get(language).intValue()).as("labelled answers").isGreaterThanOrEqualTo(40);
        assertThat(fallback.get("sentiment_macro_f1").get(language).doubleValue()).isGreaterThanOrEqualTo(macroF1);
        assertThat(fallback.get("sentiment_coverage").get(language).doubleValue()).isGreaterThanOrEqualTo(coverage);
        assertThat(fallback.get("theme_micro_f1").get(language).doubleValue()).isGreaterThanOrEqualTo(themeF1);
    }
}
