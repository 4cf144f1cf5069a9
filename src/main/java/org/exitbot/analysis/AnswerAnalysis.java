package org.exitbot.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The current analysis of one answer message, made when the answer arrives and replaced by a re-analysis. */
@Entity
@Table(name = "answer_analysis")
public class AnswerAnalysis {

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sentiment sentiment;

    private Double score;

    @Column(name = "themes", nullable = false)
    private String themesJson;

    @Column(nullable = false)
    private String model;

    @Column(name = "prompt_version", nullable = false)
    private String promptVersion;

    @Column(nullable = false)
    private boolean fallback;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AnswerAnalysis() {
    }

    AnswerAnalysis(Long messageId, Sentiment sentiment, Double score, String themesJson, String model,
            String promptVersion, boolean fallback, Instant createdAt) {
        this.messageId = messageId;
        this.sentiment = sentiment;
        this.score = score;
        this.themesJson = themesJson;
        this.model = model;
        this.promptVersion = promptVersion;
        this.fallback = fallback;
        this.createdAt = createdAt;
    }

    /** Replaces this analysis with a newer one; the caller keeps the old one as history first. */
    void revise(Sentiment sentiment, Double score, String themesJson, String model, String promptVersion,
            boolean fallback, Instant createdAt) {
        this.sentiment = sentiment;
        this.score = score;
        this.themesJson = themesJson;
        this.model = model;
        this.promptVersion = promptVersion;
        this.fallback = fallback;
        this.createdAt = createdAt;
    }

    public Long getMessageId() { return messageId; }
    public Sentiment getSentiment() { return sentiment; }
    public Double getScore() { return score; }
    String getThemesJson() { return themesJson; }
    public String getModel() { return model; }
    public String getPromptVersion() { return promptVersion; }
    public boolean isFallback() { return fallback; }
    public Instant getCreatedAt() { return createdAt; }
}
