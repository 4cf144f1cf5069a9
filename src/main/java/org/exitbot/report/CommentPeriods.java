package org.exitbot.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.exitbot.privacy.AnonymousComments.MonthCount;

/**
 * When a group's anonymous comments may be shown: in periods of whole, ended months that together hold at least k
 * anonymous interviews, taken in order from the group's first month. A month's comments thus never show before
 * the month is over, and then only together with those of at least k - 1 other interviews, so that neither a
 * comment's date nor the moment it appears tells whose it is. The months after the last full period wait.
 */
record CommentPeriods(List<Period> released) {

    /** Months {@code from} to {@code to}, holding {@code interviews} anonymous interviews with comments. */
    record Period(YearMonth from, YearMonth to, int interviews) {

        /** "2026-09", or "2026-09 to 2026-11". */
        String label() {
            return from.equals(to) ? from.toString() : from + " to " + to;
        }
    }

    /** @param counts the group's months in order */
    static CommentPeriods of(List<MonthCount> counts, int k, YearMonth current) {
        var released = new ArrayList<Period>();
        YearMonth from = null;
        int interviews = 0;
        for (MonthCount count : counts) {
            if (!count.month().isBefore(current)) {
                break;
            }
            from = from == null ? count.month() : from;
            interviews += count.interviews();
            if (interviews >= k) {
                released.add(new Period(from, count.month(), interviews));
                from = null;
                interviews = 0;
            }
        }
        return new CommentPeriods(List.copyOf(released));
    }

    boolean open() {
        return !released.isEmpty();
    }
}
