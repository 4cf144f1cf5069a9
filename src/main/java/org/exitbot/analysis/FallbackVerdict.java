package org.exitbot.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.exitbot.interview.Message;
import org.exitbot.interview.QuestionThread;

/** Combines per-answer insights into an interview verdict without an LLM. */
final class FallbackVerdict {

    static final String REASONS_QUESTION = "reasons_for_leaving";
    private static final double STRONG = 0.3;
    private static final double NEUTRAL_BAND = 0.05;

    private FallbackVerdict() {
    }

    static InterviewVerdict of(List<QuestionThread> threads, Map<Message, AnswerInsight> insights) {
        List<AnswerInsight> known = insights.values().stream()
                .filter(i -> i.sentiment() != Sentiment.UNKNOWN && i.score() != null)
                .toList();
        Sentiment sentiment = Sentiment.UNKNOWN;
        Double score = null;
        if (!known.isEmpty()) {
            score = known.stream().mapToDouble(AnswerInsight::score).average().orElseThrow();
            boolean strongPositive = known.stream().anyMatch(i -> i.score() >= STRONG);
            boolean strongNegative = known.stream().anyMatch(i -> i.score() <= -STRONG);
            sentiment = strongPositive && strongNegative ? Sentiment.MIXED
                    : score >= NEUTRAL_BAND ? Sentiment.POSITIVE
                    : score <= -NEUTRAL_BAND ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        }
        var themes = new LinkedHashMap<Theme, ThemeEvidence>();
        var counts = new EnumMap<Theme, Integer>(Theme.class);
        insights.values().forEach(insight -> insight.themes().forEach(evidence -> {
            themes.putIfAbsent(evidence.theme(), evidence);
            counts.merge(evidence.theme(), 1, Integer::sum);
        }));
        Theme mainReason = mainReason(threads, insights, counts);
        return new InterviewVerdict(sentiment, score, summary(threads, insights.size(), sentiment, themes.keySet(), mainReason),
                mainReason, new ArrayList<>(themes.values()));
    }

    private static Theme mainReason(List<QuestionThread> threads, Map<Message, AnswerInsight> insights,
            Map<Theme, Integer> counts) {
        for (QuestionThread thread : threads) {
            if (REASONS_QUESTION.equals(thread.questionId())) {
                for (Message answer : thread.answers()) {
                    var themes = insights.get(answer).themes();
                    if (!themes.isEmpty()) {
                        return themes.get(0).theme();
                    }
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static String summary(List<QuestionThread> threads, int answerCount, Sentiment sentiment,
            java.util.Set<Theme> themes, Theme mainReason) {
        long answered = threads.stream().filter(t -> !t.answers().isEmpty()).count();
        var text = new StringBuilder("Automatic summary without the LLM. The employee answered ")
                .append(answered).append(" of ").append(threads.size()).append(" questions asked (")
                .append(answerCount).append(answerCount == 1 ? " reply). " : " replies). ");
        text.append(sentiment == Sentiment.UNKNOWN
                ? "Sentiment could not be determined without the LLM for this language. "
                : "Overall sentiment: " + sentiment.code() + ". ");
        if (!themes.isEmpty()) {
            text.append("Themes mentioned: ").append(themes.stream().map(FallbackVerdict::words)
                    .collect(Collectors.joining(", "))).append(". ");
        }
        if (mainReason != null) {
            text.append("Likely main reason for leaving: ").append(words(mainReason)).append('.');
        }
        return text.toString().strip();
    }

    private static String words(Theme theme) {
        return theme.code().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
