package org.exitbot.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** What {@code GET /api/chat/{token}} answers, as far as the chat page (and this benchmark) reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PageState(String status, boolean consented, String visibility, boolean visibilityChoice,
        List<PageMessage> messages, Awaiting awaiting, Summary summary) {

    /** What the employee checks before finishing: only its version matters here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(int version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PageMessage(long id, String role, String kind, Integer questionNumber, String text, Instant at) {

        boolean isAnswer() {
            return "employee".equals(role) && "answer".equals(kind);
        }

        boolean fromBot() {
            return "bot".equals(role);
        }

        boolean isPrompt() {
            return fromBot() && ("question".equals(kind) || "follow_up".equals(kind));
        }

        boolean isFollowUp() {
            return fromBot() && "follow_up".equals(kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Awaiting(String kind, int questionNumber, int questionCount, Long messageId) {

        boolean isReview() {
            return "review".equals(kind);
        }

        boolean isSummary() {
            return "summary".equals(kind);
        }
    }

    /** As the page's {@code isOpen}: the conversation still takes answers. */
    boolean open() {
        return "invited".equals(status) || "in_progress".equals(status);
    }

    /** As the page's {@code older}: both open, and this one's newest message is older than the shown one's. */
    boolean olderThan(PageState shown) {
        return open() && shown.open() && lastMessageId() < shown.lastMessageId();
    }

    private long lastMessageId() {
        return messages == null ? 0 : messages.stream().mapToLong(PageMessage::id).max().orElse(0);
    }

    /** The page shows "ExitBot is thinking…" and polls: the employee waits for the bot. */
    boolean botWorking() {
        return open() && consented && awaiting == null;
    }

    /** The newest question or follow-up on the page, or null. */
    PageMessage lastPrompt() {
        PageMessage last = null;
        for (PageMessage message : messages) {
            if (message.isPrompt()) {
                last = message;
            }
        }
        return last;
    }

    /** The newest answer with this text, or null. */
    PageMessage answer(String text) {
        PageMessage found = null;
        for (PageMessage message : messages) {
            if (message.isAnswer() && message.text().equals(text)) {
                found = message;
            }
        }
        return found;
    }
}
