package org.exitbot.report;

import java.time.Duration;
import java.util.List;

/**
 * The dashboard's overview: {@code GET /api/reports/summary}. Every group of fewer than {@code minGroupSize}
 * interviews is a suppressed {@link GroupCount} with no figures of its own.
 *
 * @param completionRate      completed ÷ interviews whose conversation ended; null when suppressed
 * @param medianTimeToComplete from invitation to the last answer, over completed interviews; null when suppressed
 * @param sentimentByMonth    by month of the invitation (yyyy-MM), over analysed interviews
 * @param topThemes           interviews whose analysis found each theme, most frequent first
 * @param reasons             the analysis's main reason for leaving, most frequent first
 * @param demoInterviews      how many of the interviews are generated demo data (EXITBOT_DEMO_DATA)
 */
public record ReportSummary(ReportFilter filter, int minGroupSize, GroupCount invited, GroupCount inProgress,
        GroupCount completed, GroupCount reviewed, Double completionRate, Duration medianTimeToComplete,
        List<SentimentGroup> sentimentByMonth, List<SentimentGroup> sentimentByDepartment, List<GroupCount> topThemes,
        List<GroupCount> reasons, long demoInterviews) {

    /** @param averageScore mean sentiment score in [-1, 1]; null when the group is suppressed */
    public record SentimentGroup(GroupCount interviews, Double averageScore) {
    }
}
