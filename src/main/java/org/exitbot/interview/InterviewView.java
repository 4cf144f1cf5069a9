package org.exitbot.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An interview as the HR API shows it; {@code demo}: generated demo data (EXITBOT_DEMO_DATA), not a real leaver. */
public record InterviewView(UUID id, String employeeId, String name, String email, String department, String role,
        String manager, LocalDate lastWorkingDay, String locale, QuestionSetRef questionSet, Visibility visibility,
        InterviewStatus status, boolean llmFallback, Instant createdAt, String createdBy, Instant invitedAt,
        Instant expiresAt, Instant startedAt, Instant finishedAt, Instant closedAt, String processInstanceId, boolean demo) {

    public record QuestionSetRef(String name, int version) {
    }

    /**
     * What the funnel needs of an anonymous interview: that it was started, finished and closed, and when, in its
     * group; nothing about who it was with, and no process to look up.
     */
    public InterviewView funnelOnly() {
        return new InterviewView(id, null, null, null, department, null, null, null, null, null, visibility, status,
                false, createdAt, null, invitedAt, null, startedAt, finishedAt, closedAt, null, demo);
    }
}
