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
    /** How the fallback's summary begins, before its statements. */
    static final String LABEL = "Automatic summary without the LLM.";
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
        List<String> statements = statements(threads, insights.size(), sentiment, themes.keySet(), mainReason);
        return new InterviewVerdict(sentiment, score, LABEL + " " + String.join(" ", statements), mainReason,
                new ArrayList<>(themes.values()), List.of(), statements);
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

    /** The summary's sentences after {@link #LABEL}, which says what made it and is no statement of the employee's. */
    private static List<String> statements(List<QuestionThread> threads, int answerCount, Sentiment sentiment,
            java.util.Set<Theme> themes, Theme mainReason) {
        long answered = threads.stream().filter(t -> !t.answers().isEmpty()).count();
        var statements = new ArrayList<String>();
        statements.add("The employee answered " + answered + " of " + threads.size() + " questions asked ("
                + answerCount + (answerCount == 1 ? " reply)." : " replies)."));
        statements.add(sentiment == Sentiment.UNKNOWN
                ? "Sentiment could not be determined without the LLM for this language."
                : "Overall sentiment: " + sentiment.code() + ".");
        if (!themes.isEmpty()) {
            statements.add("Themes mentioned: " + themes.stream().map(FallbackVerdict::words)
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (mainReason != null) {
            statements.add("Likely main reason for leaving: " + words(mainReason) + ".");
        }
        return statements;
    }

    private static String words(Theme theme) {
        return theme.code().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
