package org.exitbot.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * The current analysis of one answer message, made when the answer arrives and replaced by a re-analysis. Its id is
 * the message's, so it says itself whether it is new: else saving it would read it first to find out.
 */
@Entity
@Table(name = "answer_analysis")
public class AnswerAnalysis implements Persistable<Long> {

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Embedded
    private AnswerResult result;

    @Transient
    private boolean isNew;

    protected AnswerAnalysis() {
    }

    AnswerAnalysis(Long messageId, AnswerResult result) {
        this.messageId = messageId;
        this.result = result;
        this.isNew = true;
    }

    @Override
    public Long getId() {
        return messageId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    void stored() {
        isNew = false;
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
