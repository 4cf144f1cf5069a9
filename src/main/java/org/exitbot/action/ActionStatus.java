package org.exitbot.action;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where an action stands. It is open, and no other action on its theme and group can start, until its effect is
 * measured (or it is cancelled).
 */
public enum ActionStatus {
    PLANNING, IN_PROGRESS, OVERDUE, FOLLOW_UP, MEASURED, CLOSED, CANCELLED;

    public boolean isOpen() {
        return ordinal() < MEASURED.ordinal();
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case PLANNING -> "to plan";
            case IN_PROGRESS -> "in progress";
            case OVERDUE -> "overdue";
            case FOLLOW_UP -> "carried out, effect not yet measured";
            case MEASURED -> "effect measured";
            case CLOSED -> "closed";
            case CANCELLED -> "cancelled";
        };
    }
}
