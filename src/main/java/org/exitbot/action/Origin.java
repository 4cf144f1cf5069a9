package org.exitbot.action;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What started an action: the scheduled check, or HR by hand. */
public enum Origin {
    THRESHOLD(ThemeActionProcess.THRESHOLD_MESSAGE),
    HR(ThemeActionProcess.HR_MESSAGE);

    private final String message;

    Origin(String message) {
        this.message = message;
    }

    String message() {
        return message;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
