package org.exitbot.conversation;

import java.util.UUID;

/** The follow-up question as far as the LLM has written it, published while it streams. */
public record FollowUpDraft(UUID interviewId, String textSoFar) {
}
