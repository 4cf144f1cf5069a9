package org.exitbot.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.exitbot.analysis.AgreementMetrics.Outcome;

/**
 * Scores an analysis against labels, per language and overall, with the app's own {@link AgreementMetrics}: sentiment
 * accuracy and macro-F1, theme micro-F1 and sentiment coverage. A ratio with nothing to count is 0, as
 * scikit-learn's {@code zero_division=0}.
 */
final class EvaluationMetrics {

    static final String OVERALL = "overall";

    private EvaluationMetrics() {
    }

    /** Every figure, each {@code {"overall": x, "<language>": y, ...}}, with how many items it counts. */
    static Map<String, Map<String, Number>> report(List<Outcome> outcomes) {
        var languages = new TreeSet<String>();
        outcomes.forEach(o -> languages.add(o.language()));
        var groups = new LinkedHashMap<String, List<Outcome>>();
        groups.put(OVERALL, outcomes);
        languages.forEach(language -> groups.put(language,
                outcomes.stream().filter(o -> o.language().equals(language)).toList()));
        var report = new LinkedHashMap<String, Map<String, Number>>();
        report.put("count", figure(groups, group -> group.size()));
        report.put("sentiment_accuracy", figure(groups, AgreementMetrics::sentimentAccuracy));
        report.put("sentiment_macro_f1", figure(groups, AgreementMetrics::sentimentMacroF1));
        report.put("theme_micro_f1", figure(groups, AgreementMetrics::themeMicroF1));
        report.put("sentiment_coverage", figure(groups, AgreementMetrics::sentimentCoverage));
        return report;
    }

    private static Map<String, Number> figure(Map<String, List<Outcome>> groups,
            java.util.function.Function<List<Outcome>, Number> metric) {
        var values = new LinkedHashMap<String, Number>();
        groups.forEach((name, group) -> {
            Number value = metric.apply(group);
            values.put(name, value instanceof Double d ? Math.round(d * 10_000) / 10_000.0 : value);
        });
        return values;
    }
}
