package org.exitbot.chat;

import java.time.Instant;
import java.util.List;
import org.exitbot.conversation.SummaryToCheck;
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
 * @param summary          what the employee checks before finishing, once it is made; null before
 */
public record ChatState(InterviewStatus status, String organisation, String locale, Instant expiresAt,
        boolean consented, Visibility visibility, boolean visibilityChoice, int questionCount,
        List<ChatMessage> messages, Awaiting awaiting, SummaryToCheck summary) {

    public record ChatMessage(Long id, MessageRole role, MessageKind kind, Integer questionNumber, String text,
            Instant at, boolean edited) {
    }

    /**
     * @param kind      {@code question}, {@code follow_up}, {@code review} once every question is answered, then
     *                  {@code summary} while the employee checks what HR will read
     * @param messageId the question or follow-up an answer or skip names as {@code inReplyTo}; null after the last
     *                  question
     */
    public record Awaiting(String kind, int questionNumber, int questionCount, Long messageId) {
    }
}
