package org.exitbot.analysis;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.exitbot.interview.Message;
import org.springframework.stereotype.Component;

/** The analyses of single answers: stored as answers arrive, kept as history when replaced. */
@Component
class AnswerAnalyses {

    private final AnswerAnalysisRepository current;
    private final AnswerAnalysisHistoryRepository history;
    private final FallbackAnalyzer fallback;
    private final AnalysisJson json;
    private final Clock clock;

    AnswerAnalyses(AnswerAnalysisRepository current, AnswerAnalysisHistoryRepository history,
            FallbackAnalyzer fallback, AnalysisJson json, Clock clock) {
        this.current = current;
        this.history = history;
        this.fallback = fallback;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the answer's new analysis; one it had goes to history. */
    void store(Long messageId, AnswerInsight insight, String model, String promptVersion, boolean isFallback) {
        Instant now = now();
        var result = new AnswerResult(insight.sentiment(), insight.score(), json.write(insight.themes()), model,
                promptVersion, isFallback, now);
        var existing = current.findById(messageId);
        if (existing.isPresent()) {
            history.save(new AnswerAnalysisHistory(existing.get(), now));
            existing.get().revise(result);
        } else {
            current.save(new AnswerAnalysis(messageId, result));
        }
    }

    void storeWithoutLlm(Message answer, String locale) {
        store(answer.getId(), fallback.analyse(answer.getText(), locale), FallbackAnalyzer.MODEL,
                FallbackAnalyzer.VERSION, true);
    }

    /** What the fallback says of this text, stored nowhere. */
    AnswerInsight byFallback(String text, String locale) {
        return fallback.analyse(text, locale);
    }

    /** Analyses with the fallback the answers nobody analysed yet. */
    void storeMissingWithoutLlm(List<Message> answers, String locale) {
        var analysed = currentByMessage(answers).keySet();
        answers.stream().filter(a -> !analysed.contains(a.getId())).forEach(a -> storeWithoutLlm(a, locale));
    }

    /** Retires an answer's analysis to history. */
    void forget(Long messageId) {
        current.findById(messageId).ifPresent(analysis -> {
            history.save(new AnswerAnalysisHistory(analysis, now()));
            current.delete(analysis);
        });
    }

    /** The current analyses of these answers, by message id; answers never analysed are missing. */
    Map<Long, AnswerAnalysis> currentByMessage(List<Message> answers) {
        return current.findByMessageIdIn(answers.stream().map(Message::getId).toList()).stream()
                .collect(Collectors.toMap(AnswerAnalysis::getMessageId, Function.identity()));
    }

    /** What is known of each answer: its stored analysis, or the fallback's for those without one. */
    Map<Message, AnswerInsight> insights(List<Message> answers, String locale) {
        Map<Long, AnswerAnalysis> stored = currentByMessage(answers);
        Map<Message, AnswerInsight> insights = new LinkedHashMap<>();
        for (Message answer : answers) {
            AnswerAnalysis known = stored.get(answer.getId());
            insights.put(answer, known != null
                    ? new AnswerInsight(known.result().sentiment(), known.result().score(),
                            json.themes(known.result().themesJson()))
                    : fallback.analyse(answer.getText(), locale));
        }
        return insights;
    }

    List<AnalysisView.AnswerView> views(List<Message> answers) {
        return currentByMessage(answers).values().stream()
                .sorted(Comparator.comparing(AnswerAnalysis::getMessageId))
                .map(a -> new AnalysisView.AnswerView(a.getMessageId(), a.result().sentiment(), a.result().score(),
                        json.themes(a.result().themesJson()), a.result().model(), a.result().promptVersion(),
                        a.result().fallback()))
                .toList();
    }

    /** Passes the quotes of these answers' analyses, current and past, through {@code redaction}. */
    void redact(Collection<Long> answerIds, UnaryOperator<String> redaction) {
        for (AnswerAnalysis answer : current.findByMessageIdIn(answerIds)) {
            answer.redact(json.redactThemes(answer.result().themesJson(), redaction));
        }
        for (Long answerId : answerIds) {
            history.findByMessageIdOrderByIdDesc(answerId)
                    .forEach(past -> past.redact(json.redactThemes(past.result().themesJson(), redaction)));
        }
    }

    /** The database keeps microseconds: so does what a caller sees before reading it back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
