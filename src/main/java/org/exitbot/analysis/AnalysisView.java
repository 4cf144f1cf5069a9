package org.exitbot.analysis;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An interview's current analysis as HR and the API see it.
 *
 * @param flags what HR must know before trusting it, e.g. summary statements the employee's words do not back
 */
public record AnalysisView(Sentiment sentiment, Double score, String summary, Theme mainReason,
        List<ThemeEvidence> themes, List<String> flags, String model, String promptVersion, boolean fallback,
        Instant createdAt, List<AnswerView> answers) {

    /** The same analysis with every text that could quote the employee passed through {@code redaction}. */
    public AnalysisView redacted(UnaryOperator<String> redaction) {
        return new AnalysisView(sentiment, score, redaction.apply(summary), mainReason, redact(themes, redaction),
                flags.stream().map(redaction).toList(), model, promptVersion, fallback, createdAt,
                answers.stream().map(a -> new AnswerView(a.messageId(), a.sentiment(), a.score(),
                        redact(a.themes(), redaction), a.model(), a.promptVersion(), a.fallback())).toList());
    }

    private static List<ThemeEvidence> redact(List<ThemeEvidence> themes, UnaryOperator<String> redaction) {
        return themes.stream().map(t -> new ThemeEvidence(t.theme(), redaction.apply(t.quote()))).toList();
    }

    public record AnswerView(Long messageId, Sentiment sentiment, Double score, List<ThemeEvidence> themes,
            String model, String promptVersion, boolean fallback) {
    }
}
