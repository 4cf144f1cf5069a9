package org.exitbot.conversation;

import jakarta.validation.constraints.Size;

/** The LLM's answer to prompt {@code follow-up}: whether to ask more, and what. */
public record FollowUpAdvice(boolean askFollowUp, @Size(max = 600) String followUp) {
}
