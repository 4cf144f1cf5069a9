package org.exitbot.privacy;

import org.springframework.stereotype.Component;

/** The privacy terms an employee is told before they choose: how long answers are kept, and the reports' k. */
@Component
public class PrivacyTerms {

    private final PrivacyProperties properties;
    private final GroupThreshold groupThreshold;

    PrivacyTerms(PrivacyProperties properties, GroupThreshold groupThreshold) {
        this.properties = properties;
        this.groupThreshold = groupThreshold;
    }

    public long retentionDays() {
        return properties.retention().toDays();
    }

    public int minGroupSize() {
        return groupThreshold.minGroupSize();
    }
}
