package org.exitbot.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who may see an interview person by person: see the privacy model in DESIGN.md. */
public enum Visibility {
    ATTRIBUTED, ANONYMOUS;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
