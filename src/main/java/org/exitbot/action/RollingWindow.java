package org.exitbot.action;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.exitbot.report.ReportFilter;
import org.springframework.stereotype.Component;

/**
 * The check's rolling window as a report filter: the last {@code exitbot.actions.window} days up to today, widened
 * to whole UTC months as every report counts them, and the windows of as many months before it for the trend.
 */
@Component
class RollingWindow {

    private final ActionProperties properties;
    private final Clock clock;

    RollingWindow(ActionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    ReportFilter endingToday(String department) {
        return ending(today(), department);
    }

    ReportFilter ending(LocalDate last, String department) {
        return new ReportFilter(last.minusDays(properties.window().toDays() - 1), last, department);
    }

    /** {@code count} windows of the same months, oldest first, the last of them {@code window} itself. */
    List<ReportFilter> trend(ReportFilter window, int count) {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(window.from()), YearMonth.from(window.to())) + 1;
        var windows = new ArrayList<ReportFilter>();
        for (int back = count - 1; back >= 0; back--) {
            windows.add(new ReportFilter(window.from().minusMonths(back * months),
                    window.to().minusMonths(back * months), window.department()));
        }
        return windows;
    }

    static String label(ReportFilter window) {
        return window.from() + " to " + window.to();
    }
}
