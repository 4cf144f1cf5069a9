package org.exitbot.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An analysis of one answer that a re-analysis replaced. */
@Entity
@Table(name = "answer_analysis_history")
class AnswerAnalysisHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false)
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

    @Column(name = "superseded_at", nullable = false)
    private Instant supersededAt;

    protected AnswerAnalysisHistory() {
    }

    AnswerAnalysisHistory(AnswerAnalysis replaced, Instant supersededAt) {
        this.messageId = replaced.getMessageId();
        this.sentiment = replaced.getSentiment();
        this.score = replaced.getScore();
        this.themesJson = replaced.getThemesJson();
        this.model = replaced.getModel();
        this.promptVersion = replaced.getPromptVersion();
        this.fallback = replaced.isFallback();
        this.createdAt = replaced.getCreatedAt();
        this.supersededAt = supersededAt;
    }

    Long getMessageId() { return messageId; }
    String getModel() { return model; }
    boolean isFallback() { return fallback; }
}
