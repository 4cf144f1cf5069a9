package org.exitbot.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum MessageRole {
    BOT, EMPLOYEE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
