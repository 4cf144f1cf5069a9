package org.exitbot.analysis;

import java.time.Instant;
import java.util.List;

/** An interview's current analysis as HR and the API see it. */
public record AnalysisView(Sentiment sentiment, Double score, String summary, Theme mainReason,
        List<ThemeEvidence> themes, String model, String promptVersion, boolean fallback, Instant createdAt,
        List<AnswerView> answers) {

    public record AnswerView(Long messageId, Sentiment sentiment, Double score, List<ThemeEvidence> themes,
            boolean fallback) {
    }
}
