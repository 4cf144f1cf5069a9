package org.exitbot.chat;

import java.time.Instant;
import java.util.List;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.MessageRole;

/**
 * What the chat page shows: the conversation so far and what the bot waits for.
 *
 * @param awaiting null while the bot is working or once the conversation is over
 */
public record ChatState(InterviewStatus status, String organisation, String locale, Instant expiresAt,
        List<ChatMessage> messages, Awaiting awaiting) {

    public record ChatMessage(MessageRole role, MessageKind kind, String text, Instant at) {
    }

    /** @param kind {@code question} or {@code follow_up} */
    public record Awaiting(String kind, int questionNumber, int questionCount) {
    }
}
