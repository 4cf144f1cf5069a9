package org.exitbot.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum MessageKind {
    WELCOME(MessageRole.BOT),
    QUESTION(MessageRole.BOT),
    FOLLOW_UP(MessageRole.BOT),
    /** Said instead of a follow-up when the LLM did not start one within the turn's budget. */
    FOLLOW_UP_SKIPPED(MessageRole.BOT),
    CLOSING(MessageRole.BOT),
    ANSWER(MessageRole.EMPLOYEE),
    SKIPPED(MessageRole.EMPLOYEE),
    STOPPED(MessageRole.EMPLOYEE);

    private final MessageRole role;

    MessageKind(MessageRole role) {
        this.role = role;
    }

    public MessageRole role() {
        return role;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
