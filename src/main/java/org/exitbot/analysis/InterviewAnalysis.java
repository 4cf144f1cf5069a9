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
import java.util.UUID;

/** One analysis of a whole interview. Re-analysis adds a row; the newest is current, the rest is history. */
@Entity
@Table(name = "interview_analysis")
public class InterviewAnalysis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "interview_id", nullable = false)
    private UUID interviewId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sentiment sentiment;

    private Double score;

    @Column(nullable = false)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(name = "main_reason")
    private Theme mainReason;

    @Column(name = "themes", nullable = false)
    private String themesJson;

    @Column(name = "flags", nullable = false)
    private String flagsJson;

    @Column(nullable = false)
    private String model;

    @Column(name = "prompt_version", nullable = false)
    private String promptVersion;

    @Column(nullable = false)
    private boolean fallback;

    @Column(name = "statements")
    private String statementsJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InterviewAnalysis() {
    }

    void backdate(java.time.Duration by) {
        createdAt = createdAt.minus(by);
    }

    InterviewAnalysis(UUID interviewId, Sentiment sentiment, Double score, String summary, Theme mainReason,
            String themesJson, String flagsJson, String statementsJson, String model, String promptVersion,
            boolean fallback, Instant createdAt) {
        this.interviewId = interviewId;
        this.sentiment = sentiment;
        this.score = score;
        this.summary = summary;
        this.mainReason = mainReason;
        this.themesJson = themesJson;
        this.flagsJson = flagsJson;
        this.model = model;
        this.promptVersion = promptVersion;
        this.fallback = fallback;
        this.statementsJson = statementsJson;
        this.createdAt = createdAt;
    }

    void redact(String redactedSummary, String redactedThemesJson, String redactedFlagsJson,
            String redactedStatementsJson) {
        summary = redactedSummary;
        statementsJson = redactedStatementsJson;
        themesJson = redactedThemesJson;
        flagsJson = redactedFlagsJson;
    }

    public Long getId() { return id; }
    public UUID getInterviewId() { return interviewId; }
    public Sentiment getSentiment() { return sentiment; }
    public Double getScore() { return score; }
    public String getSummary() { return summary; }
    public Theme getMainReason() { return mainReason; }
    String getThemesJson() { return themesJson; }
    String getFlagsJson() { return flagsJson; }
    String getStatementsJson() { return statementsJson; }
    public String getModel() { return model; }
    public String getPromptVersion() { return promptVersion; }
    public boolean isFallback() { return fallback; }
    public Instant getCreatedAt() { return createdAt; }
}
