package org.exitbot.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.exitbot.notify.HrNotificationProcess.Var;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every path of {@code hr-notification.bpmn} on a plain engine (H2 in memory, no Spring): the real delegates, with
 * the services they call mocked. What reaches Slack and Teams is {@link HrChannelNotificationsTest}'s.
 */
@Deployment(resources = "processes/hr-notification.bpmn")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("camunda-plain")
class HrNotificationProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("camunda-plain.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    static final String DEFINITION = "exit-interview:3:abc";

    final HrChannelNotifier notifier = mock(HrChannelNotifier.class);
    final ReviewQueue reviews = mock(ReviewQueue.class);
    final NotifyProperties bothChannels = new NotifyProperties("https://hooks.slack.test/x", "https://teams.test/y");

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        // two tries in all
        Mocks.register("retryCycles", Map.of("notify", "R2/PT1M"));
        Mocks.register("hrChannels", new HrChannels(bothChannels));
        Mocks.register("notifyHrChannelDelegate", new NotifyHrChannelDelegate(notifier));
        Mocks.register("countOverdueReviewsDelegate", new CountOverdueReviewsDelegate(reviews));
    }

    @AfterEach
    void resetBeans() {
        Mocks.reset();
    }

    @Test
    void aWaitingReviewIsToldToEveryConfiguredChannelEachInAJobOfItsOwn() {
        ProcessInstance instance = reviewWaiting();
        assertThat(instance).isWaitingAt(HrNotificationProcess.NOTIFY_TASK);
        List<Job> posts = notifyJobs(instance);
        assertThat(posts).hasSize(2);
        verify(notifier, never()).send(any(), any());

        posts.forEach(BpmnAwareTests::execute);
        var request = new NoticeRequest(Notice.REVIEW_WAITING, 0, null, null);
        verify(notifier).send(Channel.SLACK, request);
        verify(notifier).send(Channel.TEAMS, request);
        assertThat(instance).hasPassed("StartEvent_ReviewWaiting", "EndEvent_HrChannelNotified").isEnded();
    }

    @Test
    void anIncidentIsToldWithItsProcessAndStep() {
        ProcessInstance instance = runtimeService().createMessageCorrelation(HrNotificationProcess.INCIDENT_MESSAGE)
                .processInstanceBusinessKey("incident:exit-interview:Task_SendInvitation")
                .setVariable(Var.NOTICE, Notice.INCIDENT.name())
                .setVariable(Var.PROCESS_DEFINITION_ID, DEFINITION)
                .setVariable(Var.ACTIVITY_ID, "Task_SendInvitation")
                .correlateStartMessage();
        notifyJobs(instance).forEach(BpmnAwareTests::execute);

        var request = new NoticeRequest(Notice.INCIDENT, 0, DEFINITION, "Task_SendInvitation");
        verify(notifier).send(Channel.SLACK, request);
        verify(notifier).send(Channel.TEAMS, request);
        assertThat(instance).hasPassed("StartEvent_IncidentRaised", "EndEvent_HrChannelNotified").isEnded();
    }

    @Test
    void everyMorningTheOverdueReviewsAreCountedAndToldAsOneDigest() {
        when(reviews.overdue()).thenReturn(3L);
        execute(dailyTimer());
        Job post = managementService().createJobQuery().processDefinitionKey(HrNotificationProcess.KEY)
                .activityId(HrNotificationProcess.NOTIFY_TASK).list().get(0);
        ProcessInstance instance = runtimeService().createProcessInstanceQuery()
                .processInstanceId(post.getProcessInstanceId()).singleResult();
        assertThat(instance).hasPassed("Task_CountOverdueReviews").variables().containsEntry(Var.OVERDUE_REVIEWS, 3L);
        notifyJobs(instance).forEach(BpmnAwareTests::execute);

        verify(notifier).send(Channel.SLACK, new NoticeRequest(Notice.REVIEWS_OVERDUE, 3, null, null));
        assertThat(instance).isEnded();
        assertThat(dailyTimer()).as("tomorrow's").isNotNull();
    }

    @Test
    void aMorningWithNothingOverdueSendsNothing() {
        when(reviews.overdue()).thenReturn(0L);
        execute(dailyTimer());

        var ended = historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_NothingOverdue").list();
        assertThat(ended).hasSize(1);
        assertThat(managementService().createJobQuery().processDefinitionKey(HrNotificationProcess.KEY).messages()
                .count()).isZero();
        verify(notifier, never()).send(any(), any());
    }

    @Test
    void withoutAChannelNothingIsSent() {
        Mocks.register("hrChannels", new HrChannels(new NotifyProperties("", "")));
        ProcessInstance instance = reviewWaiting();

        assertThat(instance).hasPassed("EndEvent_HrChannelNotified").isEnded();
        verify(notifier, never()).send(any(), any());
    }

    @Test
    void aChannelThatStaysDownIsRetriedThenBecomesAnIncidentWhileTheOtherChannelIsToldOnce() {
        doThrow(new WebhookPoster.ChannelUnavailableException("Slack webhook answered HTTP 503"))
                .when(notifier).send(Channel.SLACK, new NoticeRequest(Notice.REVIEW_WAITING, 0, null, null));
        ProcessInstance instance = reviewWaiting();

        for (int attempt = 0; attempt < 3; attempt++) {
            for (Job post : notifyJobs(instance)) {
                if (post.getRetries() > 0) {
                    try {
                        managementService().executeJob(post.getId());
                    } catch (RuntimeException expected) {
                        // the failed post keeps its job, with one retry fewer
                    }
                }
            }
        }

        verify(notifier, times(2)).send(Channel.SLACK, new NoticeRequest(Notice.REVIEW_WAITING, 0, null, null));
        verify(notifier, times(1)).send(Channel.TEAMS, new NoticeRequest(Notice.REVIEW_WAITING, 0, null, null));
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(HrNotificationProcess.NOTIFY_TASK);
        assertThat(incident.getIncidentMessage()).isEqualTo("Slack webhook answered HTTP 503");
        assertThat(instance).isWaitingAt(HrNotificationProcess.NOTIFY_TASK);
    }

    private ProcessInstance reviewWaiting() {
        return runtimeService().createMessageCorrelation(HrNotificationProcess.REVIEW_WAITING_MESSAGE)
                .setVariable(Var.NOTICE, Notice.REVIEW_WAITING.name())
                .correlateStartMessage();
    }

    private List<Job> notifyJobs(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(HrNotificationProcess.NOTIFY_TASK).list();
    }

    private Job dailyTimer() {
        return managementService().createJobQuery().processDefinitionKey(HrNotificationProcess.KEY)
                .activityId("StartEvent_DailyDigest").timers().singleResult();
    }
}
