package org.exitbot.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The fixed taxonomy every analysis uses, so reports can be aggregated. */
public enum Theme {
    COMPENSATION_BENEFITS,
    CAREER_GROWTH,
    MANAGER_RELATIONSHIP,
    LEADERSHIP_DIRECTION,
    WORKLOAD_STRESS,
    WORK_LIFE_BALANCE,
    TEAM_CULTURE,
    RECOGNITION,
    ROLE_FIT,
    TOOLS_PROCESSES,
    PERSONAL_REASONS,
    JOB_SECURITY_ORG_CHANGE,
    BETTER_OPPORTUNITY;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme of a code such as {@code career_growth} (any case, spaces around ignored); empty for any other text. */
    public static Optional<Theme> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return Arrays.stream(values()).filter(theme -> theme.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** Every code, comma-separated, for error messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Theme::code).collect(Collectors.joining(", "));
    }
}
