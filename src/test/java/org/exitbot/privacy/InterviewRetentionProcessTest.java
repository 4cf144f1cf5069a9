package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** {@code interview-retention.bpmn} on a plain engine, its delegates real and the privacy services mocked. */
@Deployment(resources = "processes/interview-retention.bpmn")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("camunda-plain")
class InterviewRetentionProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("camunda-plain.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    final Anonymisation anonymisation = mock(Anonymisation.class);
    final TranscriptDeletion transcriptDeletion = mock(TranscriptDeletion.class);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("retryCycles", Map.of("privacy", "R5/PT1H"));
        Mocks.register("anonymiseInterviewDelegate", new AnonymiseInterviewDelegate(anonymisation));
        Mocks.register("deleteTranscriptDelegate", new DeleteTranscriptDelegate(transcriptDeletion));
    }

    @AfterEach
    void resetBeans() {
        Mocks.reset();
    }

    @Test
    void theInterviewIsAnonymisedWhenItsRetentionEndsAndLosesItsTranscriptLater() {
        UUID interviewId = UUID.randomUUID();
        Instant closedAt = Instant.now();
        ProcessInstance retention = runtimeService().startProcessInstanceByKey(InterviewRetentionProcess.KEY,
                interviewId.toString(), Map.of(
                        InterviewRetentionProcess.INTERVIEW_ID, interviewId.toString(),
                        InterviewRetentionProcess.ANONYMISE_AT, Date.from(closedAt.plus(Duration.ofDays(365))),
                        InterviewRetentionProcess.DELETE_TRANSCRIPT_AT, Date.from(closedAt.plus(Duration.ofDays(730)))));

        assertThat(retention).isWaitingAt("Event_RetentionPeriodOver");
        assertThat(job("Event_RetentionPeriodOver", retention).getDuedate())
                .isEqualTo(Date.from(closedAt.plus(Duration.ofDays(365))));
        execute(job("Event_RetentionPeriodOver", retention));
        assertThat(retention).isWaitingAt("Task_AnonymiseInterview");
        verifyNoInteractions(anonymisation);
        execute(job(retention));
        verify(anonymisation).anonymise(interviewId);

        assertThat(retention).isWaitingAt("Event_TranscriptPeriodOver");
        assertThat(job("Event_TranscriptPeriodOver", retention).getDuedate())
                .isEqualTo(Date.from(closedAt.plus(Duration.ofDays(730))));
        execute(job("Event_TranscriptPeriodOver", retention));
        execute(job(retention));
        verify(transcriptDeletion).delete(interviewId);
        assertThat(retention).hasPassed("Task_DeleteTranscript", "EndEvent_RetentionDone").isEnded();
    }
}
