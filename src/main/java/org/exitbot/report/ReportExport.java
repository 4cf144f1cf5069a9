package org.exitbot.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exitbot.analysis.Theme;

/** Writes what the dashboard shows as CSV: the interview list, or the overview as section, group, value rows. */
final class ReportExport {

    static final List<String> INTERVIEW_COLUMNS = List.of("id", "employeeId", "name", "department", "status",
            "finishedAs", "lastWorkingDay", "invitedAt", "startedAt", "finishedAt", "closedAt", "llmFallback",
            "scriptedFollowUps",
            "sentiment", "score", "mainReason", "themes", "departureType", "regrettable", "rehireEligible", "demo");
    static final List<String> SUMMARY_COLUMNS = List.of("section", "group", "value");

    private ReportExport() {
    }

    static void interviews(List<InterviewFact> facts, Writer out) throws IOException {
        try (var csv = new CSVPrinter(out, format(INTERVIEW_COLUMNS))) {
            for (InterviewFact f : facts) {
                csv.printRecord(f.id(), text(f.employeeId()), text(f.name()), text(f.department()),
                        f.status().code(), f.finishedAs() == null ? null : f.finishedAs().code(), f.lastWorkingDay(),
                        f.invitedAt(), f.startedAt(), f.finishedAt(), f.closedAt(), f.llmFallback(), f.scriptedFollowUps(),
                        f.sentiment() == null ? null : f.sentiment().code(), f.score(),
                        f.mainReason() == null ? null : f.mainReason().code(),
                        f.themes().stream().map(Theme::code).collect(Collectors.joining(";")),
                        f.departureType(), f.regrettable(), f.rehireEligible(), f.demo());
            }
        }
    }

    static void summary(ReportSummary s, Writer out) throws IOException {
        try (var csv = new CSVPrinter(out, format(SUMMARY_COLUMNS))) {
            csv.printRecord("overview", "invited", s.invited().shown());
            csv.printRecord("overview", "in_progress", s.inProgress().shown());
            csv.printRecord("overview", "completed", s.completed().shown());
            csv.printRecord("overview", "reviewed", s.reviewed().shown());
            csv.printRecord("overview", "completion_rate", s.completionRate() == null ? "" : s.completionRate());
            csv.printRecord("overview", "median_time_to_complete",
                    s.medianTimeToComplete() == null ? "" : s.medianTimeToComplete());
            csv.printRecord("overview", "demo_interviews", s.demoInterviews());
            for (var group : s.sentimentByMonth()) {
                csv.printRecord("sentiment_by_month", group.interviews().group(), sentiment(group));
            }
            for (var group : s.sentimentByDepartment()) {
                csv.printRecord("sentiment_by_department", text(group.interviews().group()), sentiment(group));
            }
            for (var theme : s.topThemes()) {
                csv.printRecord("theme", theme.group(), theme.shown());
            }
            for (var reason : s.reasons()) {
                csv.printRecord("main_reason", reason.group(), reason.shown());
            }
        }
    }

    private static String sentiment(ReportSummary.SentimentGroup group) {
        return group.averageScore() == null ? group.interviews().shown()
                : String.format(java.util.Locale.ROOT, "%.3f", group.averageScore());
    }

    private static CSVFormat format(List<String> header) {
        return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\r\n").get();
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
    static String text(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
