package org.exitbot.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum InterviewStatus {
    INVITED, IN_PROGRESS, COMPLETED, STOPPED, EXPIRED, CLOSED;

    /** The employee can still answer. */
    public boolean isConversationOpen() {
        return this == INVITED || this == IN_PROGRESS;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InterviewStatus fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
