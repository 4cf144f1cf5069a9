package org.exitbot.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** That an interview was erased, on whose request and when; nothing about the person. */
@Entity
@Table(name = "erasure_log")
class ErasureLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "interview_id", nullable = false)
    private UUID interviewId;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "erased_at", nullable = false)
    private Instant erasedAt;

    protected ErasureLogEntry() {
    }

    ErasureLogEntry(UUID interviewId, String requestedBy, Instant erasedAt) {
        this.interviewId = interviewId;
        this.requestedBy = requestedBy;
        this.erasedAt = erasedAt;
    }
}
