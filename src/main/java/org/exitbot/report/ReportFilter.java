package org.exitbot.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exitbot.system.InvalidInputException;

/**
 * What the dashboard and the report API select: interviews started in the calendar months (UTC) from
 * {@code from}'s to {@code to}'s (either open), in one department or all. Dates are widened to whole months, the
 * reports' finest grain: two selections then differ by whole {@link ReportCells cells}, never by a day.
 */
public record ReportFilter(LocalDate from, LocalDate to, String department) {

    public ReportFilter {
        department = department == null || department.isBlank() ? null : department.trim();
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        from = from == null ? null : from.withDayOfMonth(1);
        to = to == null ? null : to.with(TemporalAdjusters.lastDayOfMonth());
    }

    private Instant fromInstant() {
        return from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private Instant toInstantExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * The filter as SQL conditions on the interview table, aliased {@code i}, each starting with {@code and};
     * {@link #sqlArguments()} gives their arguments in order.
     */
    String sqlConditions() {
        return (from == null ? "" : " and i.created_at >= ?") + (to == null ? "" : " and i.created_at < ?")
                + (department == null ? "" : " and lower(i.department) = ?");
    }

    List<Object> sqlArguments() {
        var arguments = new ArrayList<Object>();
        if (from != null) {
            arguments.add(Timestamp.from(fromInstant()));
        }
        if (to != null) {
            arguments.add(Timestamp.from(toInstantExclusive()));
        }
        if (department != null) {
            arguments.add(department.toLowerCase(Locale.ROOT));
        }
        return arguments;
    }
}
