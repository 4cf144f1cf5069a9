package org.exitbot.report;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The filter of every report, page or API, from the same query parameters: {@code from}, {@code to}, {@code department}. */
@ControllerAdvice(assignableTypes = {ReportController.class, DashboardController.class})
class ReportFilterBinding {

    static final String FILTER = "filter";

    @ModelAttribute(FILTER)
    ReportFilter filter(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String department) {
        return new ReportFilter(from, to, department);
    }
}
