package org.exitbot.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How far an analysis agrees with labels, a person's or a labelled set's: sentiment accuracy and macro-F1, theme
 * micro-F1 and each theme's precision and recall. A sentiment of {@code unknown} counts as a miss, never as a class
 * of its own. The evaluation ({@code ./mvnw -Peval verify}) and HR's agreement report both count with these.
 */
public final class AgreementMetrics {

    private static final Set<Sentiment> LABELS = EnumSet.of(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE,
            Sentiment.MIXED);

    /** One labelled item: what the label says and what the analysis said. */
    public record Outcome(String language, Sentiment expectedSentiment, Sentiment predictedSentiment,
            Set<Theme> expectedThemes, Set<Theme> predictedThemes) {
    }

    /**
     * One theme over some items: how many the label gave it, how many the analysis gave it, and how many both.
     * Precision and recall are null where nothing was predicted, or nothing expected.
     */
    public record ThemeScore(Theme theme, int expected, int predicted, int agreed) {

        public Double precision() {
            return predicted == 0 ? null : (double) agreed / predicted;
        }

        public Double recall() {
            return expected == 0 ? null : (double) agreed / expected;
        }

        /** F1 of the theme; 0 where one side never named it and the other did. */
        public double f1() {
            return f1(agreed, predicted - agreed, expected - agreed);
        }

        private static double f1(long truePositives, long falsePositives, long falseNegatives) {
            double precision = ratio(truePositives, truePositives + falsePositives);
            double recall = ratio(truePositives, truePositives + falseNegatives);
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private AgreementMetrics() {
    }

    public static double sentimentAccuracy(List<Outcome> outcomes) {
        long right = outcomes.stream().filter(o -> o.expectedSentiment() == o.predictedSentiment()).count();
        return ratio(right, outcomes.size());
    }

    /** The mean F1 over the labels that were expected or predicted at least once ({@code zero_division=0}). */
    public static double sentimentMacroF1(List<Outcome> outcomes) {
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
            return ThemeScore.f1(truePositives, predicted - truePositives, expected - truePositives);
        }).average().orElse(0);
    }

    /** F1 over all (item, theme) pairs together. */
    public static double themeMicroF1(List<Outcome> outcomes) {
        int expected = 0;
        int predicted = 0;
        int agreed = 0;
        for (Theme theme : Theme.values()) {
            ThemeScore score = theme(outcomes, theme);
            expected += score.expected();
            predicted += score.predicted();
            agreed += score.agreed();
        }
        return new ThemeScore(null, expected, predicted, agreed).f1();
    }

    /** The theme's counts over these items. */
    public static ThemeScore theme(List<Outcome> outcomes, Theme theme) {
        int expected = 0;
        int predicted = 0;
        int agreed = 0;
        for (Outcome o : outcomes) {
            boolean wasExpected = o.expectedThemes().contains(theme);
            boolean wasPredicted = o.predictedThemes().contains(theme);
            expected += wasExpected ? 1 : 0;
            predicted += wasPredicted ? 1 : 0;
            agreed += wasExpected && wasPredicted ? 1 : 0;
        }
        return new ThemeScore(theme, expected, predicted, agreed);
    }

    /** The share of items given a sentiment at all, rather than {@code unknown}. */
    public static double sentimentCoverage(List<Outcome> outcomes) {
        return ratio(outcomes.stream().filter(o -> LABELS.contains(o.predictedSentiment())).count(), outcomes.size());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
