package org.exitbot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.analysis.Theme;
import org.exitbot.system.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Theme actions through the process with the real services, PostgreSQL and mail server: what the figures decide
 * (a theme over the threshold or not, under k, the brief, the effect) and what each step stores. Every path of the
 * BPMN itself is {@link ThemeActionProcessTest}'s, on a plain engine. Interviews are written straight into the
 * tables, each test in a department of its own; the daily check looks at every department, so it may start
 * actions for other tests' data too, which the assertions here leave alone.
 */
class ThemeActionThroughServicesTest extends ExitBotIntegrationTest {

    static final String MONTH_PATTERN = "\\d{4}-\\d{2}( to \\d{4}-\\d{2})?";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ThemeActionRepository actions;

    @Autowired
    ActionStarts starts;

    @Autowired
    ObjectMapper objectMapper;

    ActionFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ActionFixtures(jdbc);
        ActionFixtures.ensureOwner(processEngine.getIdentityService());
    }

    @Test
    void theDailyCheckIsOneTimerJobDueAtSixInTheMorning() {
        List<Job> timers = managementService().createJobQuery().processDefinitionKey(ThemeActionProcess.KEY)
                .activityId(ThemeActionProcess.DAILY_CHECK).timers().list();
        assertThat(timers).as("one job for every node of the cluster").hasSize(1);
        var due = ZonedDateTime.ofInstant(timers.get(0).getDuedate().toInstant(), java.time.ZoneId.systemDefault());
        assertThat(due.getHour()).isEqualTo(6);
        assertThat(due.getMinute()).isZero();
        assertThat(Duration.between(Instant.now(), due.toInstant())).isBetween(Duration.ZERO, Duration.ofDays(1));
    }

    @Test
    void aThemeOverTheThresholdStartsOneActionWithItsBriefAndTheNextCheckStartsNoSecond() throws Exception {
        String department = ActionFixtures.department();
        List<UUID> workload = fixtures.interviews(department, 6, Theme.WORKLOAD_STRESS, ActionFixtures.daysAgo(20));
        fixtures.interviews(department, 4, Theme.CAREER_GROWTH, ActionFixtures.daysAgo(30));
        workload.forEach(id -> fixtures.quoteWithNames(id, Theme.WORKLOAD_STRESS));

        ProcessInstance check = runDailyCheck();
        assertThat(check).hasPassed("Task_StartActions", "EndEvent_ActionsStarted");

        ThemeAction action = only(department);
        assertThat(action.getTheme()).as("6 of 10 = 60 %; career growth's 4 stay under k").isEqualTo(Theme.WORKLOAD_STRESS);
        assertThat(action.getOrigin()).isEqualTo(Origin.THRESHOLD);
        assertThat(action.getAlertInterviews()).isEqualTo(10);
        assertThat(action.getAlertThemeCount()).isEqualTo(6);
        assertThat(action.getWindowTo()).as("the last 90 days, widened to whole months")
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).with(java.time.temporal.TemporalAdjusters.lastDayOfMonth()));
        assertThat(action.getWindowFrom()).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(89).withDayOfMonth(1));
        ProcessInstance instance = instanceOf(action);
        assertThat(instance).hasPassed("StartEvent_ThemeOverThreshold")
                .isWaitingAt(ThemeActionProcess.PLAN_TASK).task().hasCandidateGroup("hr");

        Map<String, Object> brief = taskService().getVariablesLocal(task(instance).getId());
        assertThat(brief.get("brief").toString()).contains("**Theme:** workload stress", "**Group:** " + department,
                "The daily check found it over the threshold: found in 60.0 % (6 of 10)");
        JsonNode trend = json(brief.get("trend"));
        assertThat(trend).hasSize(ActionBriefs.TREND_WINDOWS);
        assertThat(trend.get(3).get("interviews").asText()).isEqualTo("10");
        assertThat(trend.get(3).get("withTheme").asText()).isEqualTo("6");
        assertThat(trend.get(3).get("share").asText()).isEqualTo("60.0 %");
        assertThat(trend.get(0).get("interviews").asText()).as("nothing that long ago").isEqualTo("0");
        JsonNode quotes = json(brief.get("quotes"));
        assertThat(quotes).as("at most five of the six").hasSize(ActionBriefs.QUOTES);
        for (JsonNode quote : quotes) {
            assertThat(quote.get("quote").asText()).startsWith("[name] here: [name] never listened")
                    .contains("[email]").doesNotContain("Lena", "Fischer", "Mona", "@home.test");
            assertThat(quote.get("period").asText()).matches(MONTH_PATTERN);
            assertThat(quote.fieldNames()).toIterable().containsExactlyInAnyOrder("period", "quote");
        }
        assertThat(json(brief.get("ownerOptions")).findValuesAsText("value")).contains(HR_USER, ActionFixtures.OWNER);

        ProcessInstance again = runDailyCheck();
        assertThat(again).as("nothing over the threshold is left without an action")
                .hasPassed("EndEvent_NoThemeOverThreshold").hasNotPassed("Task_StartActions");
        assertThat(actionsIn(department)).hasSize(1);
    }

    @Test
    void belowTheShareOrUnderKNoActionStartsEvenAtAHundredPercent() {
        String small = ActionFixtures.department();
        fixtures.interviews(small, 4, Theme.RECOGNITION, ActionFixtures.daysAgo(10));
        String diluted = ActionFixtures.department();
        fixtures.interviews(diluted, 5, Theme.RECOGNITION, ActionFixtures.daysAgo(10));
        fixtures.interviews(diluted, 16, Theme.CAREER_GROWTH, ActionFixtures.daysAgo(10));
        String old = ActionFixtures.department();
        fixtures.interviews(old, 8, Theme.RECOGNITION, ActionFixtures.daysAgo(120));

        runDailyCheck();

        assertThat(actionsIn(small)).as("4 of 4 = 100 %, but fewer than k").isEmpty();
        assertThat(actionsIn(old)).as("outside the window").isEmpty();
        assertThat(actionsIn(diluted)).as("recognition 5 of 21 = 23.8 %; career growth 16 of 21 = 76.2 %")
                .extracting(ThemeAction::getTheme).containsExactly(Theme.CAREER_GROWTH);
    }

    @Test
    void hrStartsAnActionByHandOnAGroupUnderKAndASecondStartIsRefused() {
        String department = ActionFixtures.department();
        fixtures.interviews(department, 3, Theme.ROLE_FIT, ActionFixtures.daysAgo(5));

        ThemeAction action = startedByHr("role_fit", department.toUpperCase(), HR_USER);

        assertThat(action.getDepartment()).as("spelt as the reports spell it").isEqualTo(department);
        assertThat(action.getAlertInterviews()).as("suppressed").isNull();
        ProcessInstance instance = instanceOf(action);
        assertThat(instance).hasPassed("StartEvent_StartedByHr").isWaitingAt(ThemeActionProcess.PLAN_TASK);
        Map<String, Object> brief = taskService().getVariablesLocal(task(instance).getId());
        assertThat(brief.get("brief").toString()).contains("Started by hr on the dashboard",
                "found in fewer than 5 interviews");
        assertThat(json(brief.get("quotes"))).as("never from fewer than k").isEmpty();
        assertThat(brief.get("quotesNote").toString()).startsWith("No quotes: fewer than 5");
        assertThat(json(brief.get("trend")).get(3).get("interviews").asText()).isEqualTo("fewer than 5");
        assertThat(json(brief.get("trend")).get(3).get("withTheme").asText()).isEqualTo("fewer than 5");

        var refused = org.junit.jupiter.api.Assertions.assertThrows(ConflictException.class,
                () -> startedByHr("role_fit", department, HR_USER));
        assertThat(refused).hasMessageContaining("role fit in " + department + " is open");
        assertThat(actionsIn(department)).hasSize(1);
    }

    @Test
    void thePlanIsCarriedOutTheOwnerRemindedAndTheEffectMeasuredAfterTheFollowUpPeriod() throws Exception {
        String department = ActionFixtures.department();
        fixtures.interviews(department, 6, Theme.WORKLOAD_STRESS, ActionFixtures.daysAgo(15));
        fixtures.interviews(department, 4, Theme.TEAM_CULTURE, ActionFixtures.daysAgo(15));
        runDailyCheck();
        ThemeAction started = only(department);
        ProcessInstance instance = instanceOf(started);
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(30);

        completeAsHr(task(instance).getId(), plan(due));
        assertThat(instance).isWaitingAt("Task_RecordPlan");
        execute(job(instance));

        assertThat(instance).isWaitingAt(ThemeActionProcess.CARRY_OUT_TASK).task()
                .isAssignedTo(ActionFixtures.OWNER);
        Instant dueAt = due.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(dueAt));
        assertThat(task(instance).getFollowUpDate()).isEqualTo(Date.from(dueAt.minus(Duration.ofDays(7))));
        ThemeAction planned = actions.findById(started.getId()).orElseThrow();
        assertThat(planned.getStatus()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(planned.getOwner()).isEqualTo(ActionFixtures.OWNER);
        assertThat(planned.getPlannedBy()).isEqualTo(HR_USER);
        assertThat(planned.getDueDate()).isEqualTo(due);
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("quotes").includeDeleted().count()).as("the quotes left with the plan's task").isZero();

        Job reminder = job("BoundaryEvent_Reminder", instance);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(dueAt.minus(Duration.ofDays(7))));
        execute(reminder);
        execute(job("Task_RemindOwner", instance));
        assertThat(instance).hasPassed("EndEvent_OwnerReminded").isWaitingAt(ThemeActionProcess.CARRY_OUT_TASK);
        MimeMessage mail = Mailbox.lastTo(smtp, ActionFixtures.OWNER_EMAIL);
        assertThat(mail.getSubject()).isEqualTo("Reminder: your action on workload stress in " + department
                + " is due " + due);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("Hello Olive,",
                "Two people more in the team", "http://exitbot.test/hr/actions");

        taskService().complete(task(instance).getId());
        assertThat(instance).hasPassed("Task_RecordActionDone").isWaitingAt("Event_FollowUpOver");
        Job followUp = job("Event_FollowUpOver", instance);
        Instant sixMonths = ZonedDateTime.now(ZoneOffset.UTC).plusMonths(6).toInstant();
        assertThat(Duration.between(followUp.getDuedate().toInstant(), sixMonths).abs()).isLessThan(Duration.ofMinutes(5));
        assertThat(actions.findById(started.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.FOLLOW_UP);

        // after the action: 10 leavers over the following weeks, none of them about the workload
        fixtures.interviews(department, 10, Theme.CAREER_GROWTH, Instant.now().plus(Duration.ofDays(40)));
        execute(followUp);
        execute(job("Task_MeasureEffect", instance));

        assertThat(instance).isWaitingAt(ThemeActionProcess.REVIEW_TASK).task().isAssignedTo(ActionFixtures.OWNER);
        assertThat(instance).variables().containsEntry("effect",
                "Fell from 60.0 % (6 of 10) to 0.0 % (0 of 10), 60.0 points less.").containsEntry("effectVerdict", "fell");
        JsonNode figures = json(runtimeService().getVariable(instance.getId(), "effectFigures"));
        assertThat(figures.get(1).get("interviews").asText()).isEqualTo("10");
        assertThat(figures.get(1).get("share").asText()).isEqualTo("0.0 %");
        ThemeAction measured = actions.findById(started.getId()).orElseThrow();
        assertThat(measured.getStatus()).isEqualTo(ActionStatus.MEASURED);
        assertThat(measured.getBeforeInterviews()).isEqualTo(10);
        assertThat(measured.getBeforeThemeCount()).isEqualTo(6);
        assertThat(measured.getAfterInterviews()).isEqualTo(10);
        assertThat(measured.getAfterThemeCount()).isZero();
        assertThat(measured.getAfterFrom()).as("the first whole month after the action's")
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(1));

        taskService().complete(task(instance).getId());
        assertThat(instance).hasPassed("EndEvent_EffectReviewed").isEnded();
        assertThat(actions.findById(started.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.CLOSED);
        assertThat(starts.open(started.group())).as("a new alert may start a new action").isEmpty();
    }

    @Test
    void anOverdueActionEscalatesToHrWhoGiveItANewDueDateThenReportItDoneAndTooFewInterviewsTellNothing() {
        String department = ActionFixtures.department();
        fixtures.interviews(department, 3, Theme.TOOLS_PROCESSES, ActionFixtures.daysAgo(5));
        ThemeAction started = startedByHr("tools_processes", department, HR_USER);
        ProcessInstance instance = instanceOf(started);
        completeAsHr(task(instance).getId(), plan(LocalDate.now(ZoneOffset.UTC).plusDays(3)));
        execute(job(instance));

        execute(job("BoundaryEvent_DuePassed", instance));
        assertThat(instance).hasPassed("Task_MarkActionOverdue").isNotWaitingAt(ThemeActionProcess.CARRY_OUT_TASK)
                .isWaitingAt(ThemeActionProcess.OVERDUE_TASK).task().hasCandidateGroup("hr");
        assertThat(actions.findById(started.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.OVERDUE);
        String overdue = task(instance).getId();
        var incomplete = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> taskService().complete(overdue, Map.of("overdueOutcome", "extend")));
        assertThat(incomplete).hasMessageContaining("newDueDate must be given");

        LocalDate newDue = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        completeAsHr(overdue, Map.of("overdueOutcome", "extend", "newDueDate", newDue.toString()));
        assertThat(instance).hasPassed("Task_SetNewDueDate").isWaitingAt(ThemeActionProcess.CARRY_OUT_TASK);
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(newDue.plusDays(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC)));
        assertThat(runtimeService().getVariables(instance.getId())).as("the next overdue form starts empty")
                .doesNotContainKeys("overdueOutcome", "newDueDate").containsEntry("dueDate", newDue.toString());
        assertThat(actions.findById(started.getId()).orElseThrow().getDueDate()).isEqualTo(newDue);

        execute(job("BoundaryEvent_DuePassed", instance));
        completeAsHr(task(instance).getId(), Map.of("overdueOutcome", "done"));
        assertThat(instance).hasPassed("Task_RecordActionDone").isWaitingAt("Event_FollowUpOver");
        execute(job("Event_FollowUpOver", instance));
        execute(job("Task_MeasureEffect", instance));

        assertThat(instance).isWaitingAt(ThemeActionProcess.REVIEW_TASK).variables()
                .containsEntry("effectVerdict", "too_few")
                .containsEntry("effect", "Too few interviews to tell: fewer than 5 analysed interviews before the"
                        + " action and 0 after; at least 5 are needed on each side.");
        assertThat(actions.findById(started.getId()).orElseThrow().getBeforeInterviews()).as("suppressed").isNull();
        taskService().complete(task(instance).getId());
        assertThat(instance).isEnded();
    }

    @Test
    void anIncompletePlanIsRefusedAndTheTaskStaysOpen() {
        String department = ActionFixtures.department();
        fixtures.interviews(department, 2, Theme.RECOGNITION, ActionFixtures.daysAgo(5));
        ProcessInstance instance = instanceOf(startedByHr("recognition", department, HR_USER));
        String plan = task(instance).getId();
        var refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> taskService().complete(plan, Map.of("owner", "matrixoutsider", "action", " ",
                        "dueDate", LocalDate.now(ZoneOffset.UTC).toString())));
        assertThat(refused).hasMessageContaining("owner must be a member of group hr")
                .hasMessageContaining("action must not be blank").hasMessageContaining("dueDate must be after today")
                .hasMessageContaining("successMeasure must not be blank");
        assertThat(instance).isWaitingAt(ThemeActionProcess.PLAN_TASK);
    }

    @Test
    void aCancelledActionIsFinishedAndFreesItsThemeAndGroupEvenWhenItsListenersWereSkipped() {
        String department = ActionFixtures.department();
        fixtures.interviews(department, 2, Theme.PERSONAL_REASONS, ActionFixtures.daysAgo(5));
        ThemeAction first = startedByHr("personal_reasons", department, HR_USER);
        runtimeService().deleteProcessInstance(first.getProcessInstanceId(), "cancelled in Cockpit");
        assertThat(actions.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.CANCELLED);

        ThemeAction second = startedByHr("personal_reasons", department, HR_USER);
        runtimeService().deleteProcessInstance(second.getProcessInstanceId(), "cancelled in Cockpit", true);
        assertThat(actions.findById(second.getId()).orElseThrow().getStatus()).as("no listener ran")
                .isEqualTo(ActionStatus.PLANNING);

        ThemeAction third = startedByHr("personal_reasons", department, HR_USER);
        assertThat(actions.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.CANCELLED);
        assertThat(instanceOf(third)).isWaitingAt(ThemeActionProcess.PLAN_TASK);
    }

    @Test
    void hrFindsTheActionsTasksInTheirTasklistFilterAndNotAmongTheReviews() {
        var filters = processEngine.getFilterService();
        var actionsFilter = filters.createFilterQuery().filterName(ActionConfiguration.TASKLIST_FILTER).singleResult();
        assertThat(actionsFilter).isNotNull();
        assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn("hr")
                .resourceId(actionsFilter.getId()).count()).as("hr may read it").isEqualTo(1);
        String department = ActionFixtures.department();
        fixtures.interviews(department, 1, Theme.ROLE_FIT, ActionFixtures.daysAgo(1));
        Task plan = task(instanceOf(startedByHr("role_fit", department, HR_USER)));

        assertThat(filters.<Task>list(actionsFilter.getId())).extracting(Task::getId).contains(plan.getId());
        assertThat(filters.<Task>list(filters.createFilterQuery().filterName("Interviews to review").singleResult()
                .getId())).extracting(Task::getId).doesNotContain(plan.getId());
    }

    private Map<String, Object> plan(LocalDate due) {
        return Map.of("owner", ActionFixtures.OWNER, "action", "Two people more in the team from January.",
                "dueDate", due.toString(), "successMeasure", "Workload named in fewer exits within six months.");
    }

    private void completeAsHr(String taskId, Map<String, Object> variables) {
        var identity = processEngine.getIdentityService();
        identity.setAuthentication(HR_USER, List.of("hr"));
        try {
            taskService().complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Fires the daily timer and runs the check it starts, as the job executor of one node would. */
    private ProcessInstance runDailyCheck() {
        execute(managementService().createJobQuery().processDefinitionKey(ThemeActionProcess.KEY)
                .activityId(ThemeActionProcess.DAILY_CHECK).timers().singleResult());
        Job check = managementService().createJobQuery().processDefinitionKey(ThemeActionProcess.KEY)
                .activityId(ThemeActionProcess.CHECK_TASK).singleResult();
        ProcessInstance instance = runtimeService().createProcessInstanceQuery()
                .processInstanceId(check.getProcessInstanceId()).singleResult();
        execute(check);
        assertThat(instance).isEnded();
        return instance;
    }

    private List<ThemeAction> actionsIn(String department) {
        return actions.findAll().stream().filter(a -> department.equals(a.getDepartment())).toList();
    }

    private ThemeAction only(String department) {
        List<ThemeAction> found = actionsIn(department);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static ProcessInstance instanceOf(ThemeAction action) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(action.getProcessInstanceId())
                .singleResult();
    }

    private JsonNode json(Object variable) {
        try {
            return objectMapper.readTree(variable.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ThemeAction startedByHr(String theme, String department, String hrUser) {
        return actions.findById(starts.startForHr(theme, department, hrUser)).orElseThrow();
    }
}
