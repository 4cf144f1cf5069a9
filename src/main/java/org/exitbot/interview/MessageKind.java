package org.exitbot.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum MessageKind {
    WELCOME(MessageRole.BOT),
    QUESTION(MessageRole.BOT),
    FOLLOW_UP(MessageRole.BOT),
    /** Said instead of a follow-up when the LLM did not start one within the turn's budget. */
    FOLLOW_UP_SKIPPED(MessageRole.BOT),
    /** A follow-up of the question set's scripted ones, asked while the LLM is unavailable. */
    SCRIPTED_FOLLOW_UP(MessageRole.BOT),
    /** The scripted thanks before the next question while the LLM is unavailable, echoing the answer's theme. */
    ACKNOWLEDGEMENT(MessageRole.BOT),
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

    /** Whether the employee answers this message: a question or a follow-up, the LLM's or a scripted one. */
    public boolean asks() {
        return this == QUESTION || this == FOLLOW_UP || this == SCRIPTED_FOLLOW_UP;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
