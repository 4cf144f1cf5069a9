package org.exitbot.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The process as Camunda's history tells it: {@code GET /api/reports/process}. Cockpit CE shows only running
 * instances; this is what its Enterprise history views would show.
 *
 * @param funnel            invited, started (answered or skipped a question), finished (every question), reviewed
 * @param dropoutByQuestion interviews stopped or expired at each question, by question number
 * @param steps             each task of the process with how often it ran and its median duration
 * @param openIncidents     not filtered: an incident is the operator's business, not a report
 * @param otherProcesses    the other {@link TrackedProcess}es: instances started in the period (and about the
 *                          department); not suppressed under k, as they count HR's work, not interviews
 */
public record ProcessKpis(ReportFilter filter, int minGroupSize, List<GroupCount> funnel,
        List<GroupCount> dropoutByQuestion, List<Step> steps, List<OpenIncident> openIncidents,
        List<OtherProcess> otherProcesses) {

    public record OtherProcess(String key, String name, List<GroupCount> stages, List<Step> steps) {
    }

    /** @param median null when the step ran fewer than k times */
    public record Step(String activityId, String name, GroupCount runs, Duration median) {
    }

    public record OpenIncident(String id, String type, String activityId, String message, Instant since,
            String processInstanceId) {
    }
}
