package org.exitbot.analysis;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores an analysis against labels: sentiment accuracy and macro-F1, theme micro-F1, per language and overall.
 * A sentiment of {@code unknown} counts as a miss, never as a class of its own; a ratio with nothing to count is 0,
 * as scikit-learn's {@code zero_division=0}.
 */
final class EvaluationMetrics {

    static final String OVERALL = "overall";
    private static final Set<Sentiment> LABELS = EnumSet.of(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE,
            Sentiment.MIXED);

    /** One labelled item: what was expected and what the analysis said. */
    record Outcome(String language, Sentiment expectedSentiment, Sentiment predictedSentiment,
            Set<Theme> expectedThemes, Set<Theme> predictedThemes) {
    }

    private EvaluationMetrics() {
    }

    static double sentimentAccuracy(List<Outcome> outcomes) {
        long right = outcomes.stream().filter(o -> o.expectedSentiment() == o.predictedSentiment()).count();
        return ratio(right, outcomes.size());
    }

    /** The mean F1 over the labels that were expected or predicted at least once. */
    static double sentimentMacroF1(List<Outcome> outcomes) {
        var labels = EnumSet.noneOf(Sentiment.class);
        outcomes.forEach(o -> {
            labels.add(o.expectedSentiment());
            labels.add(o.predictedSentiment());
        });
        labels.retainAll(LABELS);
        return labels.stream().mapToDouble(label -> {
            long truePositives = outcomes.stream()
                    .filter(o -> o.expectedSentiment() == label && o.predictedSentiment() == label).count();
            long predicted = outcomes.stream().filter(o -> o.predictedSentiment() == label).count();
            long expected = outcomes.stream().filter(o -> o.expectedSentiment() == label).count();
            return f1(truePositives, predicted - truePositives, expected - truePositives);
        }).average().orElse(0);
    }

    /** F1 over all (item, theme) pairs together. */
    static double themeMicroF1(List<Outcome> outcomes) {
        long truePositives = 0;
        long falsePositives = 0;
        long falseNegatives = 0;
        for (Outcome o : outcomes) {
            for (Theme theme : o.predictedThemes()) {
                if (o.expectedThemes().contains(theme)) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            falseNegatives += o.expectedThemes().stream().filter(t -> !o.predictedThemes().contains(t)).count();
        }
        return f1(truePositives, falsePositives, falseNegatives);
    }

    /** The share of items given a sentiment at all, rather than {@code unknown}. */
    static double sentimentCoverage(List<Outcome> outcomes) {
        return ratio(outcomes.stream().filter(o -> LABELS.contains(o.predictedSentiment())).count(), outcomes.size());
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
        report.put("sentiment_accuracy", figure(groups, EvaluationMetrics::sentimentAccuracy));
        report.put("sentiment_macro_f1", figure(groups, EvaluationMetrics::sentimentMacroF1));
        report.put("theme_micro_f1", figure(groups, EvaluationMetrics::themeMicroF1));
        report.put("sentiment_coverage", figure(groups, EvaluationMetrics::sentimentCoverage));
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

    private static double f1(long truePositives, long falsePositives, long falseNegatives) {
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
