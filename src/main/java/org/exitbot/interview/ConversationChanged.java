package org.exitbot.interview;

import java.util.UUID;

/** Published when an interview's conversation changes; listeners act once the change has committed. */
public record ConversationChanged(UUID interviewId) {
}
