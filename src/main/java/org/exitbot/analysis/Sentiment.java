package org.exitbot.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE, MIXED,
    /** The fallback could not tell (e.g. a language its lexicon does not cover); never produced by the LLM. */
    UNKNOWN;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
