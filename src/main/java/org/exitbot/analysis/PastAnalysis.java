package org.exitbot.analysis;

import java.time.Instant;
import java.util.List;

/** One analysis of an interview in {@code GET /api/interviews/{id}/analyses}, current or replaced. */
public record PastAnalysis(Long id, Sentiment sentiment, Double score, String summary, Theme mainReason,
        List<ThemeEvidence> themes, List<String> flags, String model, String promptVersion, boolean fallback,
        Instant createdAt) {
}
