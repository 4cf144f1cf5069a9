package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.exitbot.privacy.HistoryCleanupOrder.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** {@code history-cleanup.bpmn} on a plain engine, its delegate real and the clean-up mocked. */
@Deployment(resources = "processes/history-cleanup.bpmn")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("camunda-plain")
class HistoryCleanupProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("camunda-plain.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    final HistoryCleanup historyCleanup = mock(HistoryCleanup.class);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("retryCycles", Map.of("privacy", "R2/PT1H"));
        Mocks.register("cleanUpHistoryDelegate", new CleanUpHistoryDelegate(historyCleanup));
    }

    @AfterEach
    void resetBeans() {
        Mocks.reset();
    }

    @Test
    void theCleanUpRunsAsAJobOnceTheOrderIsCommittedAndEnds() {
        ProcessInstance cleanup = runtimeService().startProcessInstanceByKey(HistoryCleanupProcess.KEY, Map.of(
                HistoryCleanupProcess.SCOPE, "variables", HistoryCleanupProcess.PROCESS_INSTANCE_ID, "p-1",
                HistoryCleanupProcess.VARIABLE_NAMES, "name,email"));

        assertThat(cleanup).isWaitingAt("Task_CleanUpHistory");
        verifyNoInteractions(historyCleanup);
        execute(job(cleanup));
        verify(historyCleanup).clean(new HistoryCleanupOrder(Scope.VARIABLES, null, "p-1", List.of("name", "email")));
        assertThat(cleanup).hasPassed("EndEvent_HistoryClean").isEnded();
    }

    @Test
    void aCleanUpThatKeepsFailingBecomesAnIncidentAndStaysToBeRetried() {
        doThrow(new IllegalStateException("database away")).when(historyCleanup).clean(any());
        ProcessInstance cleanup = runtimeService().startProcessInstanceByKey(HistoryCleanupProcess.KEY, Map.of(
                HistoryCleanupProcess.SCOPE, "instances", HistoryCleanupProcess.BUSINESS_KEY, "interview-1",
                HistoryCleanupProcess.PROCESS_INSTANCE_ID, "p-2"));

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(job(cleanup).getId()))
                    .hasMessageContaining("database away");
        }

        assertThat(job(cleanup).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(cleanup.getId()).singleResult()
                .getActivityId()).isEqualTo("Task_CleanUpHistory");
        verify(historyCleanup, org.mockito.Mockito.times(3))
                .clean(new HistoryCleanupOrder(Scope.INSTANCES, "interview-1", "p-2", List.of()));
        assertThat(cleanup).isWaitingAt("Task_CleanUpHistory");
    }
}
