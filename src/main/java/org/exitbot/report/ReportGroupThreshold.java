package org.exitbot.report;

import org.exitbot.privacy.GroupThreshold;
import org.springframework.stereotype.Component;

/** The reports' k, for the modules below that must state it (the chat page). */
@Component
class ReportGroupThreshold implements GroupThreshold {

    private final ReportProperties properties;

    ReportGroupThreshold(ReportProperties properties) {
        this.properties = properties;
    }

    @Override
    public int minGroupSize() {
        return properties.minGroupSize();
    }
}
