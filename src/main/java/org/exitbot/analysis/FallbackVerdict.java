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
    /** Praise and criticism both count when the lesser is at least this share of the greater. */
    private static final double BALANCE = 0.5;

    private FallbackVerdict() {
    }

    static InterviewVerdict of(List<QuestionThread> threads, Map<Message, AnswerInsight> insights) {
        List<AnswerInsight> known = insights.values().stream()
                .filter(i -> i.sentiment() != Sentiment.UNKNOWN && i.score() != null)
                .toList();
        Sentiment sentiment = Sentiment.UNKNOWN;
        Double score = null;
        if (!known.isEmpty()) {
            score = Math.round(known.stream().mapToDouble(AnswerInsight::score).average().orElseThrow() * 1000) / 1000.0;
            sentiment = overall(known);
        }
        var themes = new LinkedHashMap<Theme, ThemeEvidence>();
        var counts = new EnumMap<Theme, Integer>(Theme.class);
        insights.values().forEach(insight -> insight.themes().forEach(evidence -> {
            themes.putIfAbsent(evidence.theme(), evidence);
            counts.merge(evidence.theme(), 1, Integer::sum);
        }));
        Theme mainReason = mainReason(threads, insights, counts);
        return new InterviewVerdict(sentiment, score, summary(threads, insights.size(), sentiment, themes.keySet(), mainReason),
                mainReason, new ArrayList<>(themes.values()), List.of());
    }

    /** Mixed when praise and criticism both carry weight (a mixed answer counts for both), else the side that does. */
    private static Sentiment overall(List<AnswerInsight> answers) {
        long praise = answers.stream().filter(a -> a.sentiment() == Sentiment.POSITIVE || a.sentiment() == Sentiment.MIXED)
                .count();
        long criticism = answers.stream()
                .filter(a -> a.sentiment() == Sentiment.NEGATIVE || a.sentiment() == Sentiment.MIXED).count();
        if (praise > 0 && criticism > 0 && Math.min(praise, criticism) >= BALANCE * Math.max(praise, criticism)) {
            return Sentiment.MIXED;
        }
        return criticism > praise ? Sentiment.NEGATIVE : praise > criticism ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
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
