package org.exitbot.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The current analysis of one answer message, made when the answer arrives and replaced by a re-analysis. */
@Entity
@Table(name = "answer_analysis")
public class AnswerAnalysis {

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Embedded
    private AnswerResult result;

    protected AnswerAnalysis() {
    }

    AnswerAnalysis(Long messageId, AnswerResult result) {
        this.messageId = messageId;
        this.result = result;
    }

    /** Replaces this analysis with a newer one; the caller keeps the old one as history first. */
    void revise(AnswerResult newer) {
        this.result = newer;
    }

    public Long getMessageId() { return messageId; }
    void redact(String redactedThemesJson) {
        result = result.withThemes(redactedThemesJson);
    }

    AnswerResult result() { return result; }
}
