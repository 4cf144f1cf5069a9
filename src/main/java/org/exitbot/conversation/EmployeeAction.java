package org.exitbot.conversation;

import java.util.Locale;

/** What the employee did at the answer task; the process variable {@code action} holds its code. */
public enum EmployeeAction {
    ANSWER, SKIP, STOP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EmployeeAction fromCode(String code) {
        if (code == null || code.isBlank()) {
            return ANSWER;
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("action must be answer, skip or stop");
        }
    }
}
