package org.exitbot.interview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "interview_review")
public class Review {

    @Id
    @Column(name = "interview_id")
    private UUID interviewId;

    @Column(nullable = false)
    private String reviewer;

    @Column(name = "departure_type", nullable = false)
    private String departureType;

    @Column(nullable = false)
    private boolean regrettable;

    @Column(name = "rehire_eligible", nullable = false)
    private String rehireEligible;

    private String actions;

    private String notes;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected Review() {
    }

    void backdate(java.time.Duration by) {
        reviewedAt = Interview.earlier(reviewedAt, by);
    }

    Review(UUID interviewId, String reviewer, ReviewOutcome outcome, Instant reviewedAt) {
        this.interviewId = interviewId;
        this.reviewer = reviewer;
        this.departureType = outcome.departureType();
        this.regrettable = outcome.regrettable();
        this.rehireEligible = outcome.rehireEligible();
        this.actions = outcome.actions();
        this.notes = outcome.notes();
        this.reviewedAt = reviewedAt;
    }

    void redact(java.util.function.UnaryOperator<String> redaction) {
        actions = actions == null ? null : redaction.apply(actions);
        notes = notes == null ? null : redaction.apply(notes);
    }

    public UUID getInterviewId() { return interviewId; }
    public String getReviewer() { return reviewer; }
    public String getDepartureType() { return departureType; }
    public boolean isRegrettable() { return regrettable; }
    public String getRehireEligible() { return rehireEligible; }
    public String getActions() { return actions; }
    public String getNotes() { return notes; }
    public Instant getReviewedAt() { return reviewedAt; }
}
