package org.exitbot.interview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An answer's earlier wording, kept when the employee corrects it. */
@Entity
@Table(name = "message_revision")
class MessageRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false)
    private Long messageId;

    @Column(nullable = false)
    private String text;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    protected MessageRevision() {
    }

    void backdate(java.time.Duration by) {
        replacedAt = Interview.earlier(replacedAt, by);
    }

    MessageRevision(Long messageId, String text, Instant replacedAt) {
        this.messageId = messageId;
        this.text = text;
        this.replacedAt = replacedAt;
    }

    void redact(java.util.function.UnaryOperator<String> redaction) {
        text = redaction.apply(text);
    }

    String getText() {
        return text;
    }
}
