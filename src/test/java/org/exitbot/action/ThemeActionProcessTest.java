package org.exitbot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.exitbot.action.ThemeActionProcess.Var;
import org.exitbot.analysis.Theme;
import org.exitbot.system.FieldError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every path of {@code theme-action.bpmn} on a plain engine (H2 in memory, no Spring): the real delegates and
 * listeners, with the services they call mocked. Together the tests cover every element and flow. What the
 * figures decide and what each step stores is {@link ThemeActionThroughServicesTest}'s.
 */
@Deployment(resources = "processes/theme-action.bpmn")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("camunda-plain")
class ThemeActionProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("camunda-plain.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    static final String OWNER = "olive";
    static final String HR_USER = "hr";

    final UUID actionId = UUID.randomUUID();
    final Instant dueAt = Instant.now().plus(Duration.ofDays(30));
    final Instant remindAt = dueAt.minus(Duration.ofDays(7));
    final Instant measureAt = Instant.now().plus(Duration.ofDays(182));
    final ThemeAlerts alerts = mock(ThemeAlerts.class);
    final ActionBriefs briefs = mock(ActionBriefs.class);
    final ActionPlans plans = mock(ActionPlans.class);
    final OwnerReminders reminders = mock(OwnerReminders.class);
    final EffectMeasurement measurement = mock(EffectMeasurement.class);
    final ActionLedger ledger = mock(ActionLedger.class);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("retryCycles", Map.of("mail", "R5/PT5M"));
        Mocks.register("checkThemeThresholdsDelegate", new CheckThemeThresholdsDelegate(alerts));
        Mocks.register("startActionDelegate", new StartActionDelegate(alerts));
        Mocks.register("showActionBriefListener", new ShowActionBriefListener(briefs));
        Mocks.register("checkActionPlanListener", new CheckActionPlanListener(plans));
        Mocks.register("recordPlanDelegate", new RecordPlanDelegate(plans));
        Mocks.register("remindOwnerDelegate", new RemindOwnerDelegate(reminders));
        Mocks.register("markActionOverdueDelegate", new MarkActionOverdueDelegate(plans));
        Mocks.register("checkOverdueOutcomeListener", new CheckOverdueOutcomeListener(plans));
        Mocks.register("setNewDueDateDelegate", new SetNewDueDateDelegate(plans));
        Mocks.register("recordActionDoneDelegate", new RecordActionDoneDelegate(plans));
        Mocks.register("measureEffectDelegate", new MeasureEffectDelegate(measurement));
        Mocks.register("closeActionListener", new CloseActionListener(ledger));
        when(briefs.planVariables(actionId)).thenReturn(Map.of("brief", "**Theme:** workload stress",
                Var.OWNER_OPTIONS, "[{\"label\": \"Olive\", \"value\": \"olive\"}]"));
        when(plans.planProblems(anyMap(), any())).thenReturn(List.of());
        when(plans.overdueOutcomeProblems(anyMap())).thenReturn(List.of());
        when(plans.record(eq(actionId), anyMap(), any())).thenReturn(timers(dueAt, remindAt));
        when(plans.done(actionId)).thenReturn(Map.of(Var.MEASURE_AT, Date.from(measureAt)));
        when(measurement.measure(actionId)).thenReturn(Map.of("effect", "Fell from 60.0 % to 0.0 %.",
                "effectVerdict", "fell"));
    }

    @AfterEach
    void resetBeans() {
        Mocks.reset();
    }

    @Test
    void theDailyCheckRunsAtSixInTheMorningAndEndsWhenNoThemeIsOverTheThreshold() {
        Job timer = dailyTimer();
        ZonedDateTime due = ZonedDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getHour()).isEqualTo(6);
        assertThat(due.getMinute()).isZero();
        when(alerts.crossings()).thenReturn(List.of());

        ProcessInstance check = runDailyCheck();

        assertThat(check).hasPassed("EndEvent_NoThemeOverThreshold").hasNotPassed("Task_StartActions").isEnded();
        verify(alerts, never()).startAction(any());
        assertThat(dailyTimer()).as("the next morning's").isNotNull();
        verifyNoInteractions(ledger);
    }

    @Test
    void theDailyCheckStartsAnActionForEachThemeOverTheThreshold() {
        var engineering = new ThemeGroup(Theme.WORKLOAD_STRESS, "Engineering");
        var everyone = new ThemeGroup(Theme.CAREER_GROWTH, null);
        when(alerts.crossings()).thenReturn(List.of(everyone, engineering));

        ProcessInstance check = runDailyCheck();

        assertThat(check).hasPassed("Task_StartActions", "EndEvent_ActionsStarted").isEnded();
        var order = inOrder(alerts);
        order.verify(alerts).startAction(everyone);
        order.verify(alerts).startAction(engineering);
        assertThat(engine.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(check.getId()).variableName(Var.CROSSINGS).count())
                .as("the crossings are transient").isZero();
    }

    @Test
    void anAlertsActionIsPlannedCarriedOutWithAReminderAndItsEffectMeasuredAndReviewed() {
        ProcessInstance instance = start(Origin.THRESHOLD);
        assertThat(instance).hasPassed("StartEvent_ThemeOverThreshold").isWaitingAt(ThemeActionProcess.PLAN_TASK)
                .task().hasCandidateGroup("hr");
        assertThat(taskService().getVariablesLocal(task(instance).getId())).containsEntry("brief",
                "**Theme:** workload stress");

        completeAs(HR_USER, task(instance).getId(), plan());
        assertThat(instance).variables().containsEntry(Var.PLANNED_BY, HR_USER);
        assertThat(instance).isWaitingAt("Task_RecordPlan");
        execute(job(instance));
        verify(plans).record(eq(actionId), anyMap(), eq(instance.getId()));

        assertThat(instance).isWaitingAt(ThemeActionProcess.CARRY_OUT_TASK).task().isAssignedTo(OWNER);
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(dueAt));
        assertThat(task(instance).getFollowUpDate()).isEqualTo(Date.from(remindAt));
        Job reminder = job("BoundaryEvent_Reminder", instance);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(remindAt));
        execute(reminder);
        assertThat(instance).isWaitingAt("Task_RemindOwner", ThemeActionProcess.CARRY_OUT_TASK);
        execute(job("Task_RemindOwner", instance));
        verify(reminders).remind(actionId);
        assertThat(instance).hasPassed("EndEvent_OwnerReminded").isWaitingAt(ThemeActionProcess.CARRY_OUT_TASK);

        taskService().complete(task(instance).getId());
        verify(plans).done(actionId);
        assertThat(instance).hasPassed("Task_RecordActionDone").isWaitingAt("Event_FollowUpOver");
        assertThat(job("Event_FollowUpOver", instance).getDuedate()).isEqualTo(Date.from(measureAt));
        execute(job("Event_FollowUpOver", instance));
        assertThat(instance).isWaitingAt("Task_MeasureEffect");
        execute(job(instance));

        assertThat(instance).isWaitingAt(ThemeActionProcess.REVIEW_TASK).task().isAssignedTo(OWNER);
        assertThat(instance).variables().containsEntry("effectVerdict", "fell");
        verify(ledger, never()).ended(any());
        taskService().complete(task(instance).getId());
        assertThat(instance).hasPassed("EndEvent_EffectReviewed").isEnded();
        verify(ledger).ended(actionId);
    }

    @Test
    void anIncompletePlanIsRefusedWithItsProblemsAndTheTaskStaysOpen() {
        ProcessInstance instance = start(Origin.HR);
        assertThat(instance).hasPassed("StartEvent_StartedByHr").isWaitingAt(ThemeActionProcess.PLAN_TASK);
        when(plans.planProblems(anyMap(), eq("[{\"label\": \"Olive\", \"value\": \"olive\"}]"))).thenReturn(List.of(
                new FieldError(Var.OWNER, "must be a member of group hr"),
                new FieldError(Var.DUE_DATE, "must be after today")));
        String plan = task(instance).getId();

        assertThatThrownBy(() -> taskService().complete(plan, Map.of(Var.OWNER, "outsider")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("The plan is incomplete: owner must be a member of group hr; dueDate must be after today");
        assertThat(instance).isWaitingAt(ThemeActionProcess.PLAN_TASK);
        assertThat(instance).variables().doesNotContainKey(Var.PLANNED_BY);
        verify(plans, never()).record(any(), anyMap(), any());
    }

    @Test
    void anOverdueActionGoesToHrWhoGiveItANewDueDateAndLaterReportItDone() {
        ProcessInstance instance = planned(start(Origin.HR));
        execute(job("BoundaryEvent_DuePassed", instance));
        verify(plans).markOverdue(actionId);
        assertThat(instance).hasPassed("Task_MarkActionOverdue").isNotWaitingAt(ThemeActionProcess.CARRY_OUT_TASK)
                .isWaitingAt(ThemeActionProcess.OVERDUE_TASK).task().hasCandidateGroup("hr");

        String overdue = task(instance).getId();
        when(plans.overdueOutcomeProblems(anyMap())).thenReturn(List.of(new FieldError(Var.NEW_DUE_DATE,
                "must be given")));
        assertThatThrownBy(() -> taskService().complete(overdue, Map.of(Var.OVERDUE_OUTCOME, ActionPlans.EXTEND)))
                .hasMessageContaining("The follow-up is incomplete: newDueDate must be given");
        assertThat(instance).isWaitingAt(ThemeActionProcess.OVERDUE_TASK);

        when(plans.overdueOutcomeProblems(anyMap())).thenReturn(List.of());
        Instant later = dueAt.plus(Duration.ofDays(14));
        when(plans.reschedule(actionId, "2027-01-31")).thenReturn(Map.of(Var.DUE_AT, Date.from(later),
                Var.REMIND_AT, Date.from(later.minus(Duration.ofDays(7))), Var.DUE_DATE, "2027-01-31"));
        taskService().complete(overdue, Map.of(Var.OVERDUE_OUTCOME, ActionPlans.EXTEND, Var.NEW_DUE_DATE,
                "2027-01-31"));
        assertThat(instance).hasPassed("Task_SetNewDueDate").isWaitingAt(ThemeActionProcess.CARRY_OUT_TASK);
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(later));
        assertThat(runtimeService().getVariables(instance.getId())).as("the next overdue form starts empty")
                .doesNotContainKeys(Var.OVERDUE_OUTCOME, Var.NEW_DUE_DATE).containsEntry(Var.DUE_DATE, "2027-01-31");

        execute(job("BoundaryEvent_DuePassed", instance));
        taskService().complete(task(instance).getId(), Map.of(Var.OVERDUE_OUTCOME, ActionPlans.DONE));
        verify(plans).done(actionId);
        assertThat(instance).hasPassed("Task_RecordActionDone").hasNotPassed("EndEvent_OwnerReminded")
                .isWaitingAt("Event_FollowUpOver");
    }

    @Test
    void aCancelledActionIsEnded() {
        ProcessInstance instance = start(Origin.HR);

        runtimeService().deleteProcessInstance(instance.getId(), "cancelled in Cockpit");

        verify(ledger).ended(actionId);
    }

    private Job dailyTimer() {
        return managementService().createJobQuery().processDefinitionKey(ThemeActionProcess.KEY)
                .activityId(ThemeActionProcess.DAILY_CHECK).timers().singleResult();
    }

    /** Fires the daily timer and runs the check it starts, as the job executor would. */
    private ProcessInstance runDailyCheck() {
        execute(dailyTimer());
        Job check = managementService().createJobQuery().processDefinitionKey(ThemeActionProcess.KEY)
                .activityId(ThemeActionProcess.CHECK_TASK).singleResult();
        ProcessInstance instance = runtimeService().createProcessInstanceQuery()
                .processInstanceId(check.getProcessInstanceId()).singleResult();
        execute(check);
        return instance;
    }

    /** As {@link ActionStarts} starts an action. */
    private ProcessInstance start(Origin origin) {
        return runtimeService().createMessageCorrelation(origin.message())
                .processInstanceBusinessKey(actionId.toString())
                .setVariables(Variables.createVariables()
                        .putValue(Var.ACTION_ID, actionId.toString())
                        .putValue(Var.THEME, Theme.WORKLOAD_STRESS.code())
                        .putValue(Var.DEPARTMENT, "Engineering"))
                .correlateStartMessage();
    }

    private ProcessInstance planned(ProcessInstance instance) {
        taskService().complete(task(instance).getId(), plan());
        execute(job(instance));
        assertThat(instance).isWaitingAt(ThemeActionProcess.CARRY_OUT_TASK);
        return instance;
    }

    private static Map<String, Object> plan() {
        return Map.of(Var.OWNER, OWNER, Var.ACTION, "Two people more in the team.", Var.DUE_DATE, "2027-01-17",
                Var.SUCCESS_MEASURE, "Workload named in fewer exits.");
    }

    private static void completeAs(String user, String taskId, Map<String, Object> variables) {
        var identity = engine.getProcessEngine().getIdentityService();
        identity.setAuthentication(user, List.of("hr"));
        try {
            taskService().complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Map<String, Object> timers(Instant due, Instant remind) {
        return Map.of(Var.DUE_AT, Date.from(due), Var.REMIND_AT, Date.from(remind));
    }
}
