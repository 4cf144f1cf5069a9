package org.exitbot.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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

    @Embedded
    private AnswerResult result;

    @Column(name = "superseded_at", nullable = false)
    private Instant supersededAt;

    protected AnswerAnalysisHistory() {
    }

    AnswerAnalysisHistory(AnswerAnalysis replaced, Instant supersededAt) {
        this.messageId = replaced.getMessageId();
        this.result = replaced.result();
        this.supersededAt = supersededAt;
    }

    Long getMessageId() { return messageId; }
    void redact(String redactedThemesJson) {
        result = result.withThemes(redactedThemesJson);
    }

    AnswerResult result() { return result; }
}
