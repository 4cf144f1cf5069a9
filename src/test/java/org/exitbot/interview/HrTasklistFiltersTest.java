package org.exitbot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HrTasklistFiltersTest extends ExitBotIntegrationTest {

    @Autowired
    InterviewService interviews;

    @Autowired
    org.exitbot.action.ActionStarts actionStarts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void hrFindsReviewsInItsFiltersAndOverdueOnesInTheirOwn() {
        var filters = processEngine.getFilterService();
        var toReview = filters.createFilterQuery().filterName(HrTasklistFilters.TO_REVIEW).singleResult();
        var overdue = filters.createFilterQuery().filterName(HrTasklistFilters.OVERDUE).singleResult();
        assertThat(toReview).isNotNull();
        assertThat(overdue).isNotNull();
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn("hr")
                .resourceId(overdue.getId()).count()).isEqualTo(1);

        var started = interviews.start(InterviewFixtures.newInterview(), HR_USER);
        runDueJobs();
        var tasks = processEngine.getTaskService();
        tasks.complete(tasks.createTaskQuery().processInstanceId(started.processInstanceId()).singleResult().getId(),
                Map.of("action", "stop"));
        runDueJobs();
        Task review = tasks.createTaskQuery().processInstanceId(started.processInstanceId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ExitInterviewProcess.REVIEW_TASK);
        assertThat(review.getDueDate()).as("due in a week").isAfter(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));

        assertThat(filters.<Task>list(toReview.getId())).extracting(Task::getId).contains(review.getId());
        assertThat(filters.<Task>list(overdue.getId())).extracting(Task::getId).doesNotContain(review.getId());

        review.setDueDate(Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        tasks.saveTask(review);
        assertThat(filters.<Task>list(overdue.getId())).extracting(Task::getId).contains(review.getId());
    }

    @Test
    void hrFindsTheThemeActionsTasksInTheirFilter() {
        var filters = processEngine.getFilterService();
        var actions = filters.createFilterQuery().filterName(HrTasklistFilters.ACTIONS).singleResult();
        assertThat(actions).isNotNull();
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn("hr")
                .resourceId(actions.getId()).count()).isEqualTo(1);
        String department = org.exitbot.report.ReportFixtures.department();
        new org.exitbot.report.ReportFixtures(jdbc).insert(org.exitbot.report.ReportFixtures.Seed.completed(department,
                Instant.now(), -0.3, org.exitbot.analysis.Theme.ROLE_FIT));
        var started = actionStarts.startForHr("role_fit", department, HR_USER);
        Task plan = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(started.toString())
                .singleResult();

        assertThat(filters.<Task>list(actions.getId())).extracting(Task::getId).contains(plan.getId());
        assertThat(filters.<Task>list(filters.createFilterQuery().filterName(HrTasklistFilters.TO_REVIEW)
                .singleResult().getId())).extracting(Task::getId).doesNotContain(plan.getId());
    }
}
