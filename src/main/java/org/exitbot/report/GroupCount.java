package org.exitbot.report;

/**
 * How many interviews a group has, or, for a group of fewer than k, only that: {@code count} is then null and
 * {@code fewerThan} is k. An empty group is shown as 0: it identifies nobody.
 */
public record GroupCount(String group, Integer count, Integer fewerThan) {

    static GroupCount of(String group, int count, int k) {
        return count > 0 && count < k ? new GroupCount(group, null, k) : new GroupCount(group, count, null);
    }

    /**
     * A figure over the {@link ReportCells counted} interviews of a selection: none counted of some selected shows as
     * fewer than k, not as none.
     */
    static GroupCount counted(String group, int counted, int selected, int k) {
        return counted == 0 && selected > 0 ? new GroupCount(group, null, k) : of(group, counted, k);
    }

    public boolean suppressed() {
        return count == null;
    }

    /** The count as a page or a CSV shows it. */
    public String shown() {
        return suppressed() ? "fewer than " + fewerThan : count.toString();
    }
}
