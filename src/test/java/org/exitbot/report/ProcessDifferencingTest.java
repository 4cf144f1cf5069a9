package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.NewInterview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Process page's funnel, drop-out and step durations under every filter HR can set over a seeded data set: a
 * department's March holds five interviews (each stopped at the first question and reviewed), its April one alone
 * (answered once, then stopped, not reviewed). Differencing any two figures must not single out April's interview:
 * no stage or drop-out count differs by fewer than k, and nothing only it did (the follow-up decision) shows at all. k = 5; the interviews are invited in 1998, which no other test uses.
 */
class ProcessDifferencingTest extends ExitBotIntegrationTest {

    private static final int K = 5;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    ProcessAnalytics analytics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noTwoFunnelsDifferByTheLoneInterviewOfAMonth() {
        String department = ReportFixtures.department();
        for (int i = 0; i < K; i++) {
            UUID interview = start(department, LocalDate.of(1998, 3, 10 + i));
            act(interview, "stop");
            review(interview);
        }
        UUID lone = start(department, LocalDate.of(1998, 4, 2));
        act(lone, "answer");
        act(lone, "stop");

        var filters = new ArrayList<ReportFilter>();
        for (LocalDate from : List.of(LocalDate.of(1998, 3, 1), LocalDate.of(1998, 4, 1))) {
            for (LocalDate to : List.of(LocalDate.of(1998, 3, 31), LocalDate.of(1998, 4, 30))) {
                if (!from.isAfter(to)) {
                    filters.add(new ReportFilter(from, to, department));
                    filters.add(new ReportFilter(from, to, null));
                }
            }
        }
        var kpis = filters.stream().map(analytics::kpis).toList();

        for (ProcessKpis figure : kpis) {
            assertThat(figure.dropoutByQuestion()).as(figure.filter().toString())
                    .allSatisfy(question -> assertThat(question.count()).isEqualTo(K));
            assertThat(figure.steps()).extracting(ProcessKpis.Step::activityId).as(figure.filter().toString())
                    .doesNotContain("Task_DecideFollowUp");
            assertThat(figure.funnel()).extracting(GroupCount::suppressed).as("all or none: " + figure.filter())
                    .containsOnly(figure.funnel().get(0).suppressed());
            for (GroupCount stage : figure.funnel()) {
                assertThat(stage.count()).as(figure.filter() + " " + stage.group()).isIn(0, K, null);
            }
        }
        for (ProcessKpis one : kpis) {
            for (ProcessKpis other : kpis) {
                for (int stage = 0; stage < one.funnel().size(); stage++) {
                    Integer a = one.funnel().get(stage).count();
                    Integer b = other.funnel().get(stage).count();
                    if (a != null && b != null && !a.equals(b)) {
                        assertThat(Math.abs(a - b)).as(one.filter() + " - " + other.filter()).isGreaterThanOrEqualTo(K);
                    }
                }
            }
        }
        assertThat(Arrays.asList(kpis.get(0).funnel().get(0).count(), kpis.get(0).funnel().get(3).count()))
                .as("March itself is counted: invited and reviewed").containsExactly(K, K);
    }

    private UUID start(String department, LocalDate invited) {
        var template = InterviewFixtures.newInterview();
        UUID id = interviews.start(new NewInterview(template.employeeId(), template.name(), template.email(),
                department, null, null, template.lastWorkingDay(), "en", null, null), HR_USER).id();
        runDueJobs();
        jdbc.update("update interview set created_at = ? where id = ?",
                Timestamp.from(invited.atTime(9, 0).toInstant(ZoneOffset.UTC)), id);
        return id;
    }

    private void act(UUID interview, String action) {
        TaskService tasks = processEngine.getTaskService();
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(interview.toString())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult().getId(),
                Map.of("action", action, "answer", "The pay."));
        runDueJobs();
    }

    private void review(UUID interview) {
        TaskService tasks = processEngine.getTaskService();
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(interview.toString())
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK).singleResult().getId(),
                Map.of("departureType", "voluntary", "regrettable", "false", "rehireEligible", "yes"));
        runDueJobs();
    }
}
