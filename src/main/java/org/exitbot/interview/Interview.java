package org.exitbot.interview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "interview")
public class Interview {

    @Id
    private UUID id;

    @Column(name = "employee_id")
    private String employeeId;

    @Column(name = "employee_name")
    private String name;

    private String email;

    @Column(nullable = false)
    private String department;

    @Column(name = "job_role")
    private String role;

    private String manager;

    @Column(name = "last_working_day", nullable = false)
    private LocalDate lastWorkingDay;

    @Column(nullable = false)
    private String locale;

    @Column(name = "question_set_id", nullable = false)
    private Long questionSetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InterviewStatus status;

    @Column(name = "open_employee_id")
    private String openEmployeeId;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "link_salt")
    private String linkSalt;

    @Column(name = "link_hash")
    private String linkHash;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "link_revoked_at")
    private Instant linkRevokedAt;

    @Column(name = "consented_at")
    private Instant consentedAt;

    @Column(name = "erasure_hash")
    private String erasureHash;

    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @Column(name = "transcript_deleted_at")
    private Instant transcriptDeletedAt;

    @Column(name = "llm_fallback", nullable = false)
    private boolean llmFallback;

    @Column(name = "follow_ups_out_of_time", nullable = false)
    private int followUpsOutOfTime;

    @Column(nullable = false)
    private boolean demo;

    @Column(name = "demo_dated_at")
    private Instant demoDatedAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "invited_at")
    private Instant invitedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "finished_as")
    private InterviewStatus finishedAs;

    @Version
    @Column(name = "row_version", nullable = false)
    private Integer rowVersion;

    protected Interview() {
    }

    public Interview(UUID id, NewInterview details, Long questionSetId, Visibility visibility, String createdBy,
            Instant createdAt) {
        this.id = id;
        this.employeeId = details.employeeId();
        this.name = details.name();
        this.email = details.email();
        this.department = details.department();
        this.role = details.role();
        this.manager = details.manager();
        this.lastWorkingDay = details.lastWorkingDay();
        this.locale = details.locale();
        this.questionSetId = questionSetId;
        this.visibility = visibility;
        this.status = InterviewStatus.INVITED;
        this.openEmployeeId = details.employeeId();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void invite(String linkSalt, String linkHash, String erasureHash, Instant invitedAt, Instant expiresAt) {
        this.linkSalt = linkSalt;
        this.linkHash = linkHash;
        this.erasureHash = erasureHash;
        this.invitedAt = invitedAt;
        this.expiresAt = expiresAt;
    }

    public void markStarted(Instant at) {
        if (status == InterviewStatus.INVITED) {
            status = InterviewStatus.IN_PROGRESS;
            startedAt = at;
        }
    }

    public void finish(InterviewStatus outcome, Instant at) {
        if (!status.isConversationOpen()) {
            throw new IllegalStateException("Interview " + id + " is already " + status.code());
        }
        status = outcome;
        finishedAs = outcome;
        finishedAt = at;
    }

    /** The employee read the introduction and agreed to take part, choosing how HR sees them. */
    public void consent(Visibility chosen, Instant at) {
        if (consentedAt == null) {
            consentedAt = at;
        }
        visibility = chosen;
    }

    /**
     * Demo data: generated for a first look, never mailed, removed together with the other demo interviews.
     *
     * @param datedAt the day it is dated back to once it has run
     */
    void markDemo(Instant datedAt) {
        demo = true;
        demoDatedAt = datedAt;
    }

    /** Moves every date of a demo interview back by {@code by}, as if it had happened then. */
    void backdate(Duration by) {
        lastWorkingDay = lastWorkingDay.minusDays(by.toDays());
        expiresAt = earlier(expiresAt, by);
        linkRevokedAt = earlier(linkRevokedAt, by);
        consentedAt = earlier(consentedAt, by);
        createdAt = earlier(createdAt, by);
        invitedAt = earlier(invitedAt, by);
        startedAt = earlier(startedAt, by);
        finishedAt = earlier(finishedAt, by);
        closedAt = earlier(closedAt, by);
    }

    static Instant earlier(Instant at, Duration by) {
        return at == null ? null : at.minus(by);
    }

    public void flagLlmFallback() {
        llmFallback = true;
    }

    /** A turn's budget ran out before the LLM started a follow-up: the interview moved on without one. */
    public void countFollowUpOutOfTime() {
        followUpsOutOfTime++;
    }

    public void close(Instant at) {
        status = InterviewStatus.CLOSED;
        closedAt = at;
        openEmployeeId = null;
        linkRevokedAt = at;
    }

    /** The people this interview names: the employee and their manager, for redacting free text. */
    public List<String> knownNames() {
        return java.util.stream.Stream.of(name, manager).filter(java.util.Objects::nonNull).toList();
    }

    /** Forgets who this interview was with; its links stop working. Department, role and dates stay. */
    public void removeIdentity(Instant at) {
        employeeId = null;
        name = null;
        email = null;
        manager = null;
        openEmployeeId = null;
        linkHash = null;
        erasureHash = null;
        if (anonymisedAt == null) {
            anonymisedAt = at;
        }
    }

    public void markTranscriptDeleted(Instant at) {
        transcriptDeletedAt = at;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public UUID getId() { return id; }
    public String getEmployeeId() { return employeeId; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getDepartment() { return department; }
    public String getRole() { return role; }
    public String getManager() { return manager; }
    public LocalDate getLastWorkingDay() { return lastWorkingDay; }
    public String getLocale() { return locale; }
    public Long getQuestionSetId() { return questionSetId; }
    public Visibility getVisibility() { return visibility; }
    public InterviewStatus getStatus() { return status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getLinkSalt() { return linkSalt; }
    public String getLinkHash() { return linkHash; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getLinkRevokedAt() { return linkRevokedAt; }
    public boolean isLlmFallback() { return llmFallback; }
    public int getFollowUpsOutOfTime() { return followUpsOutOfTime; }
    public boolean isDemo() { return demo; }
    public Instant getDemoDatedAt() { return demoDatedAt; }
    public Instant getConsentedAt() { return consentedAt; }
    public String getErasureHash() { return erasureHash; }
    public Instant getAnonymisedAt() { return anonymisedAt; }
    public Instant getTranscriptDeletedAt() { return transcriptDeletedAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getInvitedAt() { return invitedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Instant getClosedAt() { return closedAt; }
    /** How the conversation ended: completed, stopped or expired; null while it runs. */
    public InterviewStatus getFinishedAs() { return finishedAs; }
}
