package org.exitbot.analysis;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.llm.LlmWorkSignal;
import org.exitbot.llm.LlmWorker;
import org.exitbot.llm.LlmWorkerProperties;
import org.exitbot.system.RetryCycles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.transaction.support.TransactionOperations;

/** Every path of {@code interview-reanalysis.bpmn} on a plain engine, its task served by the real LLM worker. */
@Deployment(resources = "processes/interview-reanalysis.bpmn")
@ResourceLock("camunda-plain")
class InterviewReanalysisProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("camunda-plain.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    final UUID interviewId = UUID.randomUUID();
    final Reanalysis reanalysis = mock(Reanalysis.class);
    LlmWorker worker;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        worker = new LlmWorker(externalTaskService(), TransactionOperations.withoutTransaction(),
                List.of(new ReanalyseInterviewTopic(reanalysis)),
                new LlmWorkerProperties(1, Duration.ofSeconds(30), Duration.ofSeconds(1)), new LlmWorkSignal(),
                new RetryCycles("R5/PT5M", "R2/PT30S", "R5/PT1H", "R5/PT1M"));
    }

    @Test
    void aQueuedInterviewIsReanalysedInTheBackground() {
        var findings = new Reanalysis.Findings(interviewId, Map.of(), List.of(), null);
        when(reanalysis.judge(interviewId)).thenReturn(findings);
        ProcessInstance instance = queued();
        assertThat(instance).isWaitingAt("Task_ReanalyseInterview");
        org.assertj.core.api.Assertions.assertThat(externalTaskService().createExternalTaskQuery()
                .processInstanceId(instance.getId()).singleResult().getPriority()).as("below every other LLM task")
                .isEqualTo(10);
        org.assertj.core.api.Assertions.assertThat(worker.serveOne()).isTrue();
        verify(reanalysis).store(findings);
        assertThat(instance).hasPassed("EndEvent_Reanalysed").isEnded();
    }

    @Test
    void whileTheLlmIsUnavailableTheAnalysisIsLeftAsItWas() {
        when(reanalysis.judge(interviewId)).thenThrow(new LlmUnavailableException("down", null));
        ProcessInstance instance = queued();
        org.assertj.core.api.Assertions.assertThat(worker.serveOne()).isTrue();
        assertThat(instance).hasPassed("BoundaryEvent_ReanalysisLlmUnavailable", "EndEvent_LeftAsItWas").isEnded();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().count()).isZero();
    }

    private ProcessInstance queued() {
        return runtimeService().startProcessInstanceByKey(ReanalysisQueue.KEY, interviewId.toString(),
                Map.of(ReanalysisQueue.INTERVIEW_ID, interviewId.toString()));
    }
}
