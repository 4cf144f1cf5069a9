package org.exitbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.exitbot.system.RetryCycles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The LLM worker on the real processes (a plain engine, the processes started right at their LLM tasks): the
 * priorities the BPMN gives, a dead node's task taken over once its lock ran out, and failures retried.
 */
@Deployment(resources = {"processes/exit-interview.bpmn", "processes/interview-reanalysis.bpmn"})
@ResourceLock("camunda-plain")
class LlmWorkerTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("camunda-plain.cfg.xml").build();

    static final Duration LOCK = Duration.ofSeconds(30);
    static final String FOLLOW_UP = "decide-follow-up";
    static final String ANALYSIS = "analyse-interview";
    static final String REANALYSIS = "reanalyse-interview";

    final List<String> served = new CopyOnWriteArrayList<>();
    final List<Recording> topics = List.of(new Recording(FOLLOW_UP), new Recording(ANALYSIS), new Recording(REANALYSIS));
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    LlmWorker worker;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(now));
        Mocks.register("askQuestionDelegate", (JavaDelegate) execution -> { });
        Mocks.register("prepareReviewListener", (TaskListener) task -> { });
        worker = worker();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aWaitingFollowUpGoesBeforeQueuedAnalysesAndReanalysesWhateverTheirAge() {
        reanalysisQueued();
        reanalysisQueued();
        interviewEnded();
        employeeAnswered();
        employeeAnswered();
        assertThat(worker.serveOne()).isTrue();
        assertThat(worker.serveOne()).isTrue();
        assertThat(worker.serveOne()).isTrue();
        assertThat(served).containsExactly(FOLLOW_UP, FOLLOW_UP, ANALYSIS);

        assertThat(worker.serveOne()).isTrue();
        employeeAnswered();
        assertThat(worker.serveOne()).as("the follow-up that came meanwhile takes the next slot").isTrue();
        assertThat(worker.serveOne()).isTrue();
        assertThat(served).containsExactly(FOLLOW_UP, FOLLOW_UP, ANALYSIS, REANALYSIS, FOLLOW_UP, REANALYSIS);
        assertThat(worker.serveOne()).isFalse();
    }

    @Test
    void aTaskADeadNodeHeldIsTakenOverOnceItsLockRunsOutAndCompletedOnce() {
        ProcessInstance instance = employeeAnswered();
        String taskId = externalTaskService().fetchAndLock(1, "dead-node").topic(FOLLOW_UP, LOCK.toMillis()).execute()
                .get(0).getId();
        assertThat(worker.serveOne()).as("locked by the dead node").isFalse();

        later(LOCK.plusSeconds(1));
        assertThat(worker.serveOne()).isTrue();
        assertThat(served).containsExactly(FOLLOW_UP);
        assertThatThrownBy(() -> externalTaskService().complete(taskId, "dead-node"))
                .as("the dead node's late result").isNotNull();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("Task_DecideFollowUp").count()).isEqualTo(1);
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void theLockIsExtendedWhileTheCallRunsSoNoOtherNodeTakesTheTask() {
        var otherNodeGot = new java.util.concurrent.atomic.AtomicInteger(-1);
        LlmTopic<String> slow = new Recording(FOLLOW_UP) {
            @Override
            public String call(LlmTask task) {
                try {
                    Thread.sleep(3_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                otherNodeGot.set(externalTaskService().fetchAndLock(1, "other-node").topic(FOLLOW_UP, 2_000)
                        .execute().size());
                return super.call(task);
            }
        };
        var shortLock = new LlmWorker(externalTaskService(), TransactionOperations.withoutTransaction(), List.of(slow),
                new LlmWorkerProperties(1, Duration.ofSeconds(2), Duration.ofSeconds(1)), new LlmWorkSignal(),
                new RetryCycles("R5/PT5M", "R2/PT30S", "R5/PT1H", "R5/PT1M"));
        ProcessInstance instance = employeeAnswered();
        ClockUtil.reset();
        assertThat(shortLock.serveOne()).isTrue();
        assertThat(otherNodeGot.get()).as("tasks another node fetched after the first lock had run out").isZero();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("Task_DecideFollowUp").finished().count()).isEqualTo(1);
    }

    @Test
    void aSlotCallsTheModelForTheNextTaskWhileThePreviousOneIsStillBeingCompleted() {
        var bothCallsStarted = new CountDownLatch(2);
        var overlapped = new CopyOnWriteArrayList<Boolean>();
        LlmTopic<String> followUps = new Recording(FOLLOW_UP) {
            @Override
            public String call(LlmTask task) {
                bothCallsStarted.countDown();
                return super.call(task);
            }

            @Override
            public Map<String, Object> complete(LlmTask task, String result) {
                if (overlapped.isEmpty()) {
                    overlapped.add(awaitQuietly(bothCallsStarted));
                }
                return Map.of("followUpAsked", true);
            }
        };
        var pipelined = new LlmWorker(externalTaskService(), TransactionOperations.withoutTransaction(),
                List.of(followUps), new LlmWorkerProperties(1, LOCK, Duration.ofSeconds(1)), new LlmWorkSignal(),
                new RetryCycles("R5/PT5M", "R2/PT30S", "R5/PT1H", "R5/PT1M"));
        ProcessInstance first = employeeAnswered();
        ProcessInstance second = employeeAnswered();
        var history = historyService();
        pipelined.start();
        try {
            // awaitility polls on a thread of its own, which BpmnAwareTests' per-thread engine does not reach
            await().atMost(Duration.ofSeconds(20)).until(() -> decided(history, first) + decided(history, second) == 2);
        } finally {
            pipelined.stop();
        }
        assertThat(overlapped).as("the second call began while the first task was being completed")
                .containsExactly(true);
        assertThat(served).containsExactly(FOLLOW_UP, FOLLOW_UP);
        assertThat(externalTaskService().createExternalTaskQuery().count()).isZero();
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long decided(HistoryService history, ProcessInstance instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("Task_DecideFollowUp").finished().count();
    }

    @Test
    void aCallThatFailsIsRetriedAfterTheLlmRetryIntervalThenBecomesAnIncident() {
        topics.get(0).failing = true;
        ProcessInstance instance = employeeAnswered();
        assertThat(worker.serveOne()).isTrue();
        assertThat(externalTaskService().createExternalTaskQuery().singleResult().getRetries()).isEqualTo(2);
        assertThat(worker.serveOne()).as("not before the retry interval").isFalse();
        later(Duration.ofSeconds(31));
        assertThat(worker.serveOne()).isTrue();
        later(Duration.ofSeconds(31));
        assertThat(worker.serveOne()).isTrue();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    }

    @Test
    void whenTheLlmIsUnavailableTheTaskEndsInTheProcessesBpmnError() {
        topics.get(2).unavailable = true;
        ProcessInstance instance = reanalysisQueued();
        assertThat(worker.serveOne()).isTrue();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("EndEvent_LeftAsItWas").count()).isEqualTo(1);
    }

    private ProcessInstance employeeAnswered() {
        later(Duration.ofSeconds(1));
        return runtimeService().createProcessInstanceByKey("exit-interview").businessKey(UUID.randomUUID().toString())
                .setVariables(Map.of("interviewId", UUID.randomUUID().toString(), "questionNumber", 1,
                        "questionCount", 2, "followUpCount", 0, "reminderAt", Date.from(now.plus(Duration.ofDays(11))),
                        "expiresAt", Date.from(now.plus(Duration.ofDays(14)))))
                .startBeforeActivity("Task_DecideFollowUp").execute();
    }

    private ProcessInstance interviewEnded() {
        later(Duration.ofSeconds(1));
        return runtimeService().createProcessInstanceByKey("exit-interview")
                .setVariables(Map.of("interviewId", UUID.randomUUID().toString()))
                .startBeforeActivity("Task_AnalyseInterview").execute();
    }

    private ProcessInstance reanalysisQueued() {
        later(Duration.ofSeconds(1));
        String id = UUID.randomUUID().toString();
        return runtimeService().startProcessInstanceByKey("interview-reanalysis", id, Map.of("interviewId", id));
    }

    private void later(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    private LlmWorker worker() {
        return new LlmWorker(externalTaskService(), TransactionOperations.withoutTransaction(), new ArrayList<>(topics),
                new LlmWorkerProperties(1, LOCK, Duration.ofSeconds(1)), new LlmWorkSignal(),
                new RetryCycles("R5/PT5M", "R2/PT30S", "R5/PT1H", "R5/PT1M"));
    }

    /** A topic that records what it served, and fails when told to. */
    private class Recording implements LlmTopic<String> {

        private final String topic;
        volatile boolean failing;
        volatile boolean unavailable;

        Recording(String topic) {
            this.topic = topic;
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public List<String> variables() {
            return List.of("interviewId");
        }

        @Override
        public String call(LlmTask task) {
            if (failing) {
                throw new IllegalStateException("broken");
            }
            if (unavailable) {
                throw new LlmUnavailableException("down", null);
            }
            served.add(topic);
            return topic;
        }

        @Override
        public Map<String, Object> complete(LlmTask task, String result) {
            return topic.equals(FOLLOW_UP) ? Map.of("followUpAsked", false) : Map.of();
        }
    }
}
