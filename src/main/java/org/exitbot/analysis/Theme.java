package org.exitbot.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

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
}
