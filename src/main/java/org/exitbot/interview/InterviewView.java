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
}
