package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.Reanalysis;
import org.exitbot.interview.ReviewOutcome;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.llm.LlmWorkSignal;
import org.exitbot.llm.LlmWorker;
import org.exitbot.llm.LlmWorkerProperties;
import org.exitbot.system.RetryCycles;
import org.exitbot.mail.InterviewMailer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Every path of {@code exit-interview.bpmn} on a plain engine (H2 in memory, no Spring): the real delegates,
 * listeners and LLM topics (served by the real {@link LlmWorker}), with the services they call mocked. Together the tests cover every element and flow. What the
 * services do along the way is {@link ExitInterviewThroughServicesTest}'s.
 */
@Deployment(resources = "processes/exit-interview.bpmn")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("camunda-plain")
class ExitInterviewProcessTest {

    @RegisterExtension
    static final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder("camunda-plain.cfg.xml").assertClassCoverageAtLeast(1.0).build();

    static final int QUESTIONS = 2;
    static final Duration BUDGET = Duration.ofSeconds(15);
    static final String FAIR_SALARY = "What would a fair salary have been?";

    final UUID interviewId = UUID.randomUUID();
    final InterviewPreparation preparation = mock(InterviewPreparation.class);
    final StartFormIntake startForms = mock(StartFormIntake.class);
    final ConversationService conversation = mock(ConversationService.class);
    final FollowUps followUps = mock(FollowUps.class);
    final ContinueWithScriptedFollowUps scripted = mock(ContinueWithScriptedFollowUps.class);
    final ConversationEnd end = mock(ConversationEnd.class);
    final InterviewMailer mailer = mock(InterviewMailer.class);
    final AnalysisService analyses = mock(AnalysisService.class);
    final Reanalysis reanalysis = mock(Reanalysis.class);
    final Reanalysis.Findings findings = new Reanalysis.Findings(interviewId, Map.of(), List.of(), null);
    LlmWorker worker;
    final ReviewForm reviewForm = mock(ReviewForm.class);
    final CorrectionForm correctionForm = mock(CorrectionForm.class);
    final TranscriptVariables transcripts = mock(TranscriptVariables.class);
    final ReviewRoute reviewRoute = mock(ReviewRoute.class);
    final TaskListener announceReview = mock(TaskListener.class);
    final SummaryForEmployee summary = mock(SummaryForEmployee.class);
    final SummaryCheckForm summaryCheckForm = mock(SummaryCheckForm.class);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("retryCycles", Map.of("mail", "R5/PT5M", "llm", "R2/PT30S"));
        Mocks.register("prepareInterviewDelegate", new PrepareInterviewDelegate(preparation, startForms));
        Mocks.register("sendInvitationDelegate", new SendInvitationDelegate(mailer));
        Mocks.register("sendReminderDelegate", new SendReminderDelegate(mailer));
        Mocks.register("sendThankYouDelegate", new SendThankYouDelegate(mailer));
        Mocks.register("askQuestionDelegate", new AskQuestionDelegate(conversation));
        Mocks.register("recordAnswerListener", new RecordAnswerListener(conversation));
        Mocks.register("continueWithScriptedFollowUpsDelegate", new ContinueWithScriptedFollowUpsDelegate(scripted));
        Mocks.register("recordStopDelegate", new RecordStopDelegate(end));
        Mocks.register("showTranscriptListener", new ShowTranscriptListener(transcripts));
        Mocks.register("showSummaryCheckListener", new ShowSummaryCheckListener(summaryCheckForm));
        Mocks.register("recordPhoneConfirmationListener", new RecordPhoneConfirmationListener(summaryCheckForm));
        Mocks.register("completeInterviewDelegate", new CompleteInterviewDelegate(end));
        Mocks.register("markInterviewExpiredDelegate", new MarkInterviewExpiredDelegate(end));
        Mocks.register("analyseWithoutLlmDelegate", new AnalyseWithoutLlmDelegate(analyses));
        Mocks.register("summariseWithoutLlmDelegate", new SummariseWithoutLlmDelegate(summary));
        Mocks.register("prepareReviewListener", new PrepareReviewListener(reviewForm));
        Mocks.register("announceReviewListener", announceReview);
        Mocks.register("checkReviewOutcomeListener", new CheckReviewOutcomeListener());
        Mocks.register("recordCorrectionsListener", new RecordCorrectionsListener(correctionForm));
        Mocks.register("closeInterviewDelegate", new CloseInterviewDelegate(end));
        Mocks.register("reviewRoute", reviewRoute);
        Mocks.register("closeAnonymousInterviewDelegate", new CloseAnonymousInterviewDelegate(end));
        worker = new LlmWorker(externalTaskService(), TransactionOperations.withoutTransaction(),
                List.of(new DecideFollowUpTopic(followUps, new ConversationProperties(BUDGET, BUDGET)),
                        new SummariseInterviewTopic(reanalysis, summary, new ConversationProperties(BUDGET, BUDGET)),
                        new AnalyseInterviewTopic(reanalysis)),
                new LlmWorkerProperties(1, Duration.ofSeconds(30), Duration.ofSeconds(1)), new LlmWorkSignal(),
                new RetryCycles("R5/PT5M", "R2/PT30S", "R5/PT1H", "R5/PT1M"));
        when(reanalysis.judge(interviewId)).thenReturn(findings);
        when(reanalysis.judgeBy(eq(interviewId), any())).thenReturn(findings);
        Instant now = Instant.now();
        when(preparation.prepare(interviewId)).thenReturn(new InterviewPreparation.Schedule(
                now.plus(Duration.ofDays(11)), now.plus(Duration.ofDays(14)), QUESTIONS));
        when(conversation.askQuestion(eq(interviewId), anyInt())).thenAnswer(call -> "Question " + call.getArgument(1));
        when(reviewRoute.reviewedByHr(interviewId.toString())).thenReturn(true);
        when(reviewForm.newTask(interviewId)).thenReturn(new ReviewForm.Task(Map.of("summary", "A summary."),
                "Exit interview, Engineering", Date.from(now.plus(Duration.ofDays(7)))));
    }

    @AfterEach
    void resetBeans() {
        Mocks.reset();
    }

    @Test
    void aFollowUpIsAskedWhenOneIsWorthAskingThenTheEmployeeConfirmsTheSummaryAndHrReviewsAndCloses() {
        when(followUps.decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(0), any()))
                .thenReturn(FollowUpDecision.ask(FAIR_SALARY));
        when(followUps.record(interviewId, 1, FollowUpDecision.ask(FAIR_SALARY))).thenReturn(FAIR_SALARY);
        when(followUps.shownOnTheTask(interviewId, FAIR_SALARY)).thenReturn(FAIR_SALARY);
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_SendInvitation");
        continueAsync(instance);
        verify(mailer).sendInvitation(interviewId);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK).task().hasCandidateGroup("hr");
        assertThat(instance).variables().containsEntry("questionNumber", 1).containsEntry("currentPrompt", "Question 1");

        answer(instance, "It was the pay.");
        assertThat(instance).isWaitingAt("Task_DecideFollowUp");
        assertThat(llmTask(instance).getTopicName()).isEqualTo(DecideFollowUpTopic.TOPIC);
        assertThat(llmTask(instance).getPriority()).isEqualTo(100);
        serveLlm();
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("followUpCount", 1).containsEntry("questionNumber", 1)
                .containsEntry("currentPrompt", "What would a fair salary have been\\?");

        answer(instance, "About 15% more.");
        serveLlm();
        assertThat(instance).variables().containsEntry("questionNumber", 2).containsEntry("followUpCount", 0);
        verify(followUps).decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(1), any());
        answer(instance, "The team was great.");
        serveLlm();
        verify(conversation).recordEmployeeAction(interviewId, 2, EmployeeAction.ANSWER, "The team was great.",
                ConversationService.EMPLOYEE);

        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_ANSWERS_TASK);
        verify(transcripts).transcript(interviewId);
        taskService().complete(task(instance).getId(), Map.of(ExitInterviewProcess.Var.ANSWERS_CONFIRMED, true));

        assertThat(instance).isWaitingAt("Task_SummariseInterview");
        assertThat(llmTask(instance).getTopicName()).isEqualTo(SummariseInterviewTopic.TOPIC);
        assertThat(llmTask(instance).getPriority()).as("the employee waits for it").isEqualTo(100);
        Instant finishedReview = llmTask(instance).getCreateTime().toInstant();
        serveLlm();
        var deadline = ArgumentCaptor.forClass(Instant.class);
        verify(reanalysis).judgeBy(eq(interviewId), deadline.capture());
        assertThat(deadline.getValue()).as("the budget counts from the review's end").isEqualTo(finishedReview.plus(BUDGET));
        verify(summary).store(findings);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.CONFIRM_SUMMARY_TASK).task().isNotAssigned()
                .as("the employee confirms through the link, or HR with them on the phone").hasCandidateGroup("hr");
        verify(summaryCheckForm).variables(interviewId);
        assertThat(instance).variables().containsEntry("summarised", true).containsEntry("llmFallback", false);
        verify(end, never()).complete(interviewId);
        taskService().complete(task(instance).getId());
        verify(summaryCheckForm).record(eq(interviewId), anyMap(), eq("unknown"));
        assertThat(instance).hasPassed("Task_CompleteInterview", "EndEvent_AllAnswered");
        verify(end).complete(interviewId);

        assertThat(instance).isWaitingAt("Task_SendThankYou");
        continueAsync(instance);
        verify(mailer).sendThankYou(interviewId);
        assertThat(instance).as("analysed once, before the employee finished: what they confirmed is what HR reads")
                .hasPassed("Gateway_Summarised").hasNotPassed("Task_AnalyseInterview");
        verify(reanalysis, never()).judge(interviewId);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_TASK).task().hasCandidateGroup("hr")
                .hasDescription("Exit interview, Engineering");
        assertThat(taskService().getVariableLocal(task(instance).getId(), "summary")).isEqualTo("A summary.");
        verify(announceReview).notify(any(DelegateTask.class));

        taskService().complete(task(instance).getId(), review());
        assertThat(instance).hasPassed("Task_CloseInterview", "EndEvent_InterviewClosed").isEnded();
        verify(end).close(interviewId, ReviewOutcome.from(review()), "unknown");
        verify(correctionForm).record(eq(interviewId), anyMap(), eq("unknown"));
    }

    @Test
    void withoutTheLlmTheEmployeeChecksTheAutomaticSummary() {
        when(reanalysis.judgeBy(eq(interviewId), any())).thenThrow(new LlmUnavailableException("down", null));
        ProcessInstance instance = reviewingAnswers();
        taskService().complete(task(instance).getId(), Map.of(ExitInterviewProcess.Var.ANSWERS_CONFIRMED, true));
        serveLlm();
        assertThat(instance).hasPassed("BoundaryEvent_SummaryLlmUnavailable", "Task_SummariseWithoutLlm")
                .isWaitingAt(ExitInterviewProcess.CONFIRM_SUMMARY_TASK);
        verify(summary).withoutLlm(interviewId);
        verify(summary, never()).store(any());
        assertThat(instance).variables().containsEntry("summarised", true).containsEntry("llmFallback", true);
        taskService().complete(task(instance).getId());
        continueAsync(instance);
        assertThat(instance).hasNotPassed("Task_AnalyseInterview").isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void whenTheEmployeeNeverConfirmsTheSummaryTheInterviewExpiresAndHrReviewsItUnconfirmed() {
        ProcessInstance instance = reviewingAnswers();
        taskService().complete(task(instance).getId(), Map.of(ExitInterviewProcess.Var.ANSWERS_CONFIRMED, true));
        serveLlm();
        assertThat(instance).isWaitingAt(ExitInterviewProcess.CONFIRM_SUMMARY_TASK);
        execute(job("BoundaryEvent_Expired", instance));
        assertThat(instance).hasPassed("Task_MarkExpired").hasNotPassed("Task_CompleteInterview")
                .isWaitingAt("Task_SendThankYou");
        verify(end).markExpired(interviewId);
        continueAsync(instance);
        assertThat(instance).hasPassed("Gateway_Summarised").hasNotPassed("Task_AnalyseInterview")
                .isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
        verify(reviewForm).newTask(interviewId);
    }

    @Test
    void anAnonymousEmployeeConfirmsTooAndTheInterviewClosesWithoutHrsReview() {
        when(reviewRoute.reviewedByHr(interviewId.toString())).thenReturn(false);
        ProcessInstance instance = reviewingAnswers();
        taskService().complete(task(instance).getId(), Map.of(ExitInterviewProcess.Var.ANSWERS_CONFIRMED, true));
        serveLlm();
        verify(summary).store(findings);
        taskService().complete(task(instance).getId());
        continueAsync(instance);
        assertThat(instance).hasPassed("Task_CloseAnonymousInterview").hasNotPassed(ExitInterviewProcess.REVIEW_TASK)
                .isEnded();
        verify(end).closeWithoutReview(interviewId);
    }

    @Test
    void anAnonymousInterviewClosesWithoutHrsReview() {
        when(reviewRoute.reviewedByHr(interviewId.toString())).thenReturn(false);
        ProcessInstance instance = invited();
        act(instance, EmployeeAction.STOP);
        continueAsync(instance);
        assertThat(instance).isWaitingAt("Task_AnalyseInterview");
        serveLlm();
        assertThat(instance).hasPassed("Task_CloseAnonymousInterview", "EndEvent_AnonymousInterviewClosed")
                .hasNotPassed(ExitInterviewProcess.REVIEW_TASK).isEnded();
        verify(end).closeWithoutReview(interviewId);
        verify(reviewForm, never()).newTask(any());
    }

    @Test
    void aSkippedQuestionMovesOnWithoutDecidingOnAFollowUp() {
        ProcessInstance instance = invited();
        act(instance, EmployeeAction.SKIP);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 2);
        verify(conversation).recordEmployeeAction(interviewId, 1, EmployeeAction.SKIP, null,
                ConversationService.EMPLOYEE);
        verify(followUps, never()).decide(any(), anyInt(), anyInt(), anyInt(), any());
    }

    @Test
    void whenTheBudgetRunsOutTheInterviewMovesOnWithoutAFollowUp() {
        when(followUps.decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(0), any()))
                .thenReturn(FollowUpDecision.outOfTimeDecision());
        ProcessInstance instance = invited();
        answer(instance, "It was the pay.");
        Instant answered = llmTask(instance).getCreateTime().toInstant();
        serveLlm();
        var deadline = ArgumentCaptor.forClass(Instant.class);
        verify(followUps).decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(0), deadline.capture());
        assertThat(deadline.getValue()).as("the budget counts from the answer").isEqualTo(answered.plus(BUDGET));
        verify(followUps).record(interviewId, 1, FollowUpDecision.outOfTimeDecision());
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 2).containsEntry("llmFallback", false)
                .doesNotContainKey("followUpAsked");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void stoppingEndsTheConversationAndSendsWhatWasSaidToReview() {
        ProcessInstance instance = invited();
        act(instance, EmployeeAction.STOP);
        assertThat(instance).hasPassed("Task_RecordStop", "EndEvent_Stopped").isWaitingAt("Task_SendThankYou");
        verify(end).recordStop(interviewId);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
                .as("no reminder once the employee stopped").isZero();
        continueAsync(instance);
        serveLlm();
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
    }

    @Test
    void theReminderGoesOutWhileTheEmployeeHasNotFinished() {
        ProcessInstance instance = invited();
        execute(job("BoundaryEvent_Reminder", instance));
        assertThat(instance).isWaitingAt("Task_SendReminder", ExitInterviewProcess.ANSWER_TASK);
        execute(job("Task_SendReminder", instance));
        verify(mailer).sendReminder(interviewId);
        assertThat(instance).hasPassed("EndEvent_ReminderSent").isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
    }

    @Test
    void expiryClosesTheConversationAndSendsWhatWasAnsweredToReview() {
        ProcessInstance instance = invited();
        execute(job("BoundaryEvent_Expired", instance));
        assertThat(instance).hasPassed("Task_MarkExpired").isWaitingAt("Task_SendThankYou");
        assertThat(instance).isNotWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        verify(end).markExpired(interviewId);
    }

    @Test
    void whenTheLlmFailsTheInterviewGoesOnWithoutFollowUpsAndTheAnalysisFallsBack() {
        when(followUps.decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(0), any()))
                .thenThrow(new LlmUnavailableException("down", null));
        when(scripted.continueWithout(interviewId, 1, 0)).thenReturn(null);
        when(reanalysis.judge(interviewId)).thenThrow(new LlmUnavailableException("still down", null));
        ProcessInstance instance = invited();
        answer(instance, "My manager never listened.");
        serveLlm();
        assertThat(instance).hasPassed("BoundaryEvent_FollowUpLlmUnavailable", "Task_ContinueWithoutFollowUp")
                .isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 2).containsEntry("llmFallback", true);
        verify(scripted).continueWithout(interviewId, 1, 0);
        act(instance, EmployeeAction.STOP);
        continueAsync(instance);
        serveLlm();
        assertThat(instance).hasPassed("BoundaryEvent_AnalysisLlmUnavailable", "Task_AnalyseWithoutLlm")
                .isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
        verify(analyses).analyseWithoutLlm(interviewId);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void whenTheLlmFailsTheScriptedFollowUpIsAskedAndItsAnswerFollowedUpFromTheScriptToo() {
        when(followUps.decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(0), any()))
                .thenThrow(new LlmUnavailableException("down", null));
        when(scripted.continueWithout(interviewId, 1, 0)).thenReturn("Could you tell me a little more about that?");
        when(followUps.decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(1), any()))
                .thenReturn(FollowUpDecision.acknowledge("Thank you for sharing that."));
        ProcessInstance instance = invited();
        answer(instance, "Pay.");
        serveLlm();
        assertThat(instance).hasPassed("BoundaryEvent_FollowUpLlmUnavailable", "Task_ContinueWithoutFollowUp",
                "Gateway_FollowUp").isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 1).containsEntry("followUpCount", 1)
                .containsEntry("llmFallback", true).doesNotContainKey("followUpAsked");
        answer(instance, "The pay was well below what others offered me.");
        serveLlm();
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 2).doesNotContainKey("followUpAsked");
        verify(followUps).record(eq(interviewId), eq(1), eq(FollowUpDecision.acknowledge("Thank you for sharing that.")));
    }

    /** The engine refuses a transient variable over a stored one: an instance started before keeps it stored. */
    @Test
    void anInstanceThatStoredWhetherAFollowUpWasAskedGoesOnAndKeepsItStored() {
        when(followUps.decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(0), any()))
                .thenReturn(FollowUpDecision.ask(FAIR_SALARY));
        when(followUps.record(interviewId, 1, FollowUpDecision.ask(FAIR_SALARY))).thenReturn(FAIR_SALARY);
        when(followUps.shownOnTheTask(interviewId, FAIR_SALARY)).thenReturn(FAIR_SALARY);
        when(followUps.decide(eq(interviewId), eq(1), eq(QUESTIONS), eq(1), any()))
                .thenThrow(new LlmUnavailableException("down", null));
        when(scripted.continueWithout(interviewId, 1, 1)).thenReturn(null);
        ProcessInstance instance = invited();
        runtimeService().setVariable(instance.getId(), "followUpAsked", false);
        answer(instance, "It was the pay.");
        serveLlm();
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 1).containsEntry("followUpAsked", true);
        answer(instance, "About 15% more.");
        serveLlm();
        assertThat(instance).hasPassed("Task_ContinueWithoutFollowUp").isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 2).containsEntry("followUpAsked", false);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aMailServerFailureIsRetriedNotLost() {
        doThrow(new IllegalStateException("Mail server connection failed")).when(mailer).sendInvitation(interviewId);
        ProcessInstance instance = start();
        var invitation = asyncJob(instance);
        assertThatThrownBy(() -> execute(invitation)).hasMessageContaining("Mail server connection failed");
        assertThat(managementService().createJobQuery().jobId(invitation.getId()).singleResult().getRetries())
                .isEqualTo(4);
        assertThat(instance).isWaitingAt("Task_SendInvitation");
    }

    @Test
    void hrCanTypeInAnAnswerThatPrefillsNoLaterForm() {
        ProcessInstance instance = invited();
        engine.getProcessEngine().getIdentityService().setAuthentication("hr", List.of("hr"));
        try {
            taskService().complete(task(instance).getId(), Map.of("action", "answer", "answer", "Said on the phone."));
        } finally {
            engine.getProcessEngine().getIdentityService().clearAuthentication();
        }
        verify(conversation).recordEmployeeAction(interviewId, 1, EmployeeAction.ANSWER, "Said on the phone.", "hr");
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("answer", "action")
                .containsEntry("employeeChoice", "answer");
    }

    @Test
    void aReviewWithoutItsRequiredFieldsIsRefused() {
        ProcessInstance instance = invited();
        act(instance, EmployeeAction.STOP);
        continueAsync(instance);
        serveLlm();
        String reviewTask = task(instance).getId();
        assertThatThrownBy(() -> taskService().complete(reviewTask, Map.of("departureType", "voluntary")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("regrettable").hasMessageContaining("rehireEligible");
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
    }

    @Test
    void aProcessStartedFromTheTasklistFormGetsItsInterviewFromTheForm() {
        UUID fromForm = UUID.randomUUID();
        worker = new LlmWorker(externalTaskService(), TransactionOperations.withoutTransaction(),
                List.of(new DecideFollowUpTopic(followUps, new ConversationProperties(BUDGET, BUDGET)),
                        new SummariseInterviewTopic(reanalysis, summary, new ConversationProperties(BUDGET, BUDGET)),
                        new AnalyseInterviewTopic(reanalysis)),
                new LlmWorkerProperties(1, Duration.ofSeconds(30), Duration.ofSeconds(1)), new LlmWorkSignal(),
                new RetryCycles("R5/PT5M", "R2/PT30S", "R5/PT1H", "R5/PT1M"));
        when(reanalysis.judge(interviewId)).thenReturn(findings);
        Instant now = Instant.now();
        when(startForms.registerAndPrepare(any(), eq("tasklist"), any())).thenReturn(new StartFormIntake.Prepared(
                fromForm, new InterviewPreparation.Schedule(now.plusSeconds(60), now.plusSeconds(120), 3)));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(ExitInterviewProcess.KEY,
                Map.of("name", "Taylor Formfield", "employeeId", "F-1"));
        assertThat(instance).variables().containsEntry("interviewId", fromForm.toString())
                .containsEntry("questionCount", 3).doesNotContainKeys("name", "employeeId");
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo(fromForm.toString());
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(ExitInterviewProcess.KEY, interviewId.toString(),
                Map.of(ExitInterviewProcess.Var.INTERVIEW_ID, interviewId.toString()));
    }

    /** Every question answered without a follow-up: the employee reads their answers. */
    private ProcessInstance reviewingAnswers() {
        ProcessInstance instance = invited();
        for (int question = 1; question <= QUESTIONS; question++) {
            answer(instance, "Answer " + question + ".");
            serveLlm();
        }
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_ANSWERS_TASK);
        return instance;
    }

    private ProcessInstance invited() {
        ProcessInstance instance = start();
        continueAsync(instance);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        return instance;
    }

    private static void answer(ProcessInstance instance, String text) {
        taskService().complete(task(instance).getId(), Variables.createVariables()
                .putValueTyped("action", Variables.stringValue("answer", true))
                .putValueTyped("answer", Variables.stringValue(text, true)));
    }

    private static void act(ProcessInstance instance, EmployeeAction action) {
        taskService().complete(task(instance).getId(), Map.of("action", action.code()));
    }

    /** Runs the instance's pending asynchronous step, as the job executor would. */
    private static void continueAsync(ProcessInstance instance) {
        execute(asyncJob(instance));
    }

    /** Serves the most urgent LLM task, as the LLM worker would. */
    private void serveLlm() {
        assertThat(worker.serveOne()).as("an LLM task to serve").isTrue();
    }

    private static ExternalTask llmTask(ProcessInstance instance) {
        return externalTaskService().createExternalTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static org.camunda.bpm.engine.runtime.Job asyncJob(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
    }

    private static Map<String, Object> review() {
        return Map.of("departureType", "voluntary", "regrettable", "true", "rehireEligible", "yes",
                "actions", "Benchmark salaries yearly.", "notes", "Good conversation.");
    }
}
