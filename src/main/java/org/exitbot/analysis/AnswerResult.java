package org.exitbot.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** What one analysis of an answer found and what made it: stored as current, and as history once replaced. */
@Embeddable
record AnswerResult(
        @Enumerated(EnumType.STRING) @Column(nullable = false) Sentiment sentiment,
        Double score,
        @Column(name = "themes", nullable = false) String themesJson,
        @Column(nullable = false) String model,
        @Column(name = "prompt_version", nullable = false) String promptVersion,
        @Column(nullable = false) boolean fallback,
        @Column(name = "created_at", nullable = false) Instant createdAt) {

    AnswerResult withThemes(String redactedThemesJson) {
        return new AnswerResult(sentiment, score, redactedThemesJson, model, promptVersion, fallback, createdAt);
    }
}
