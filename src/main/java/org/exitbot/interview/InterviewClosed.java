package org.exitbot.interview;

import java.time.Instant;
import java.util.UUID;

/** Published in the transaction that closes an interview after HR's review. */
public record InterviewClosed(UUID interviewId, Visibility visibility, Instant closedAt) {
}
