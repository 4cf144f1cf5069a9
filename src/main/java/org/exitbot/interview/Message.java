package org.exitbot.interview;

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

/** One line of an interview's transcript: a bot message or what the employee did. */
@Entity
@Table(name = "interview_message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "interview_id", nullable = false)
    private UUID interviewId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageKind kind;

    @Column(name = "question_number")
    private Integer questionNumber;

    @Column(name = "question_id")
    private String questionId;

    @Column(nullable = false)
    private String text;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    protected Message() {
    }

    public Message(UUID interviewId, MessageKind kind, Integer questionNumber, String questionId, String text,
            String recordedBy, Instant createdAt) {
        this.interviewId = interviewId;
        this.role = kind.role();
        this.kind = kind;
        this.questionNumber = questionNumber;
        this.questionId = questionId;
        this.text = text;
        this.recordedBy = recordedBy;
        this.createdAt = createdAt;
    }

    void redact(java.util.function.UnaryOperator<String> redaction) {
        text = redaction.apply(text);
    }

    void backdate(java.time.Duration by) {
        createdAt = Interview.earlier(createdAt, by);
        editedAt = Interview.earlier(editedAt, by);
    }

    void edit(String newText, Instant at) {
        text = newText;
        editedAt = at;
    }

    public Long getId() { return id; }
    public UUID getInterviewId() { return interviewId; }
    public MessageRole getRole() { return role; }
    public MessageKind getKind() { return kind; }
    public Integer getQuestionNumber() { return questionNumber; }
    public String getQuestionId() { return questionId; }
    public String getText() { return text; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getEditedAt() { return editedAt; }
}
