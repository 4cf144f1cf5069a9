package org.exitbot.chat;

import java.time.Instant;
import java.util.List;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.MessageRole;
import org.exitbot.interview.Visibility;

/**
 * What the chat page shows: the conversation so far and what the bot waits for.
 *
 * @param consented        whether the employee accepted the introduction; answers wait for it
 * @param visibilityChoice whether the employee may choose {@code visibility}
 * @param awaiting         null while the bot is working or once the conversation is over
 */
public record ChatState(InterviewStatus status, String organisation, String locale, Instant expiresAt,
        boolean consented, Visibility visibility, boolean visibilityChoice, int questionCount,
        List<ChatMessage> messages, Awaiting awaiting) {

    public record ChatMessage(Long id, MessageRole role, MessageKind kind, Integer questionNumber, String text,
            Instant at, boolean edited) {
    }

    /**
     * @param kind      {@code question}, {@code follow_up}, or {@code review} once every question is answered
     * @param messageId the question or follow-up an answer or skip names as {@code inReplyTo}; null while reviewing
     */
    public record Awaiting(String kind, int questionNumber, int questionCount, Long messageId) {
    }
}
