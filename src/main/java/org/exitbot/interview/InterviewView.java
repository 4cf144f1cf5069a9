package org.exitbot.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An interview as the HR API shows it. */
public record InterviewView(UUID id, String employeeId, String name, String email, String department, String role,
        String manager, LocalDate lastWorkingDay, String locale, QuestionSetRef questionSet, Visibility visibility,
        InterviewStatus status, boolean llmFallback, Instant createdAt, String createdBy, Instant invitedAt,
        Instant expiresAt, Instant startedAt, Instant finishedAt, Instant closedAt, String processInstanceId) {

    public record QuestionSetRef(String name, int version) {
    }

    /** The same interview without who it was with: no employee id, name, e-mail or manager. */
    public InterviewView withoutIdentity() {
        return new InterviewView(id, null, null, null, department, role, null, lastWorkingDay, locale, questionSet,
                visibility, status, llmFallback, createdAt, createdBy, invitedAt, expiresAt, startedAt, finishedAt,
                closedAt, processInstanceId);
    }
}
