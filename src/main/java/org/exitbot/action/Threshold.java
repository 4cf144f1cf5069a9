package org.exitbot.action;

import org.exitbot.report.GroupCount;

/**
 * When a theme calls for an action in a group: found in at least {@code minShare} of the group's analysed
 * interviews, and in at least {@code minCount} of them. It reads the reports' k-safe counts only, and its minimum
 * is never below k, so a suppressed count never crosses it.
 */
record Threshold(double minShare, int minCount) {

    static Threshold of(ActionProperties properties, int k) {
        return new Threshold(properties.minShare(), Math.max(properties.minCount(), k));
    }

    boolean crossedBy(GroupCount interviews, GroupCount theme) {
        if (interviews.suppressed() || theme.suppressed() || interviews.count() == 0) {
            return false;
        }
        return theme.count() >= minCount && (double) theme.count() / interviews.count() >= minShare;
    }
}
