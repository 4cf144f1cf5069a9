package org.exitbot.analysis;

import java.time.Instant;
import java.util.List;

/**
 * An interview's current analysis as HR and the API see it.
 *
 * @param flags what HR must know before trusting it, e.g. summary statements the employee's words do not back
 */
public record AnalysisView(Sentiment sentiment, Double score, String summary, Theme mainReason,
        List<ThemeEvidence> themes, List<String> flags, String model, String promptVersion, boolean fallback,
        Instant createdAt, List<AnswerView> answers) {

    public record AnswerView(Long messageId, Sentiment sentiment, Double score, List<ThemeEvidence> themes,
            String model, String promptVersion, boolean fallback) {
    }
}
