package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.analysis.Sentiment;
import org.exitbot.hr.InterviewDetailsService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.Transcripts;
import org.exitbot.llm.NaiveModel;
import org.exitbot.llm.OllamaStub.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The exit interview through the process with the real services, mail server and LLM stub: what each step does to
 * the interview. Every path of the BPMN itself is {@link ExitInterviewProcessTest}'s, on a plain engine.
 */
public class ExitInterviewThroughServicesTest extends ExitBotIntegrationTest {

    @Autowired
    ExitInterviews interviews;

    @Autowired
    Conversation conversation;

    @Autowired
    org.exitbot.analysis.EmployeeSummaries summaries;

    @Autowired
    AnalysisService analyses;

    @Autowired
    InterviewDetailsService interviewDetails;

    @Autowired
    InterviewRepository interviewRepository;

    @Autowired
    Transcripts transcripts;

    @Test
    void followUpIsAskedWhenTheLlmFindsOneWorthAskingThenTheInterviewIsAnalysedReviewedAndClosed() throws Exception {
        ollama.respondWith(request -> request.isFollowUpDecision() && request.message("user").contains("latest reply:\n<employee_text>It was the pay.")
                ? followUp("What would a fair salary have looked like for you?")
                : org.exitbot.llm.OllamaStub.plausibleReply(request));
        var started = start();
        ProcessInstance instance = instanceOf(started);
        assertThat(instance).isWaitingAt("Task_SendInvitation");
        continueAsync(instance);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK).task().hasCandidateGroup("hr");
        assertThat(instance).variables().containsEntry("questionNumber", 1);

        answer(instance, "It was the pay.");
        assertThat(instance).isWaitingAt("Task_DecideFollowUp");
        continueAsync(instance);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("followUpCount", 1).containsEntry("questionNumber", 1)
                .containsEntry("currentPrompt", "What would a fair salary have looked like for you\\?");

        answer(instance, "About 15% more, like the market.");
        continueAsync(instance);
        assertThat(instance).variables().containsEntry("questionNumber", 2);
        for (int question = 2; question <= 4; question++) {
            answer(instance, "Answer to question " + question + ".");
            continueAsync(instance);
        }
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_ANSWERS_TASK).task().hasCandidateGroup("hr");
        assertThat(status(started)).as("still open while the employee reviews").isEqualTo(InterviewStatus.IN_PROGRESS);
        taskService().complete(task(instance).getId(), Map.of("answersConfirmed", true));
        assertThat(instance).isWaitingAt("Task_SummariseInterview");
        continueAsync(instance);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.CONFIRM_SUMMARY_TASK);
        assertThat(status(started)).as("still open while the employee checks the summary").isEqualTo(InterviewStatus.IN_PROGRESS);
        assertThat(analyses.current(started.id()).orElseThrow().fallback()).isFalse();
        conversation.confirmSummary(started.id(), 0);
        assertThat(instance).hasPassed("Task_CompleteInterview", "EndEvent_AllAnswered");
        assertThat(status(started)).isEqualTo(InterviewStatus.COMPLETED);

        smtp.purgeEmailFromAllMailboxes();
        assertThat(instance).isWaitingAt("Task_SendThankYou");
        continueAsync(instance);
        MimeMessage thanks = org.exitbot.Mailbox.lastTo(smtp, started.email());
        assertThat(thanks.getSubject()).isEqualTo("Thank you for your exit interview with Acme Test Ltd");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(thanks)).contains("http://exitbot.test/erase/");
        assertThat(org.exitbot.Mailbox.html(thanks)).contains("Hello Robin Example,", "Acme Test Ltd",
                "href=\"http://exitbot.test/erase/", "Erase my answers").doesNotContain("th:text", "th:replace", "th:fragment");
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_TASK).task().hasCandidateGroup("hr");
        assertThat(taskService().getVariableLocal(task(instance).getId(), "employeeCheck").toString())
                .startsWith("Confirmed by the employee on ");

        taskService().complete(task(instance).getId(), reviewOutcome());
        assertThat(instance).hasPassed("Task_CloseInterview").isEnded();
        assertThat(status(started)).isEqualTo(InterviewStatus.CLOSED);
        assertThat(ollama.violations()).isEmpty();
    }

    @Test
    void theAnswersAreAnalysedWithTheInterviewNotWhileTheEmployeeWaits() {
        ollama.respondWith(NaiveModel::reply);
        ProcessInstance instance = invited();
        answer(instance, "I hated the constant overtime.");
        continueAsync(instance);
        answer(instance, "The team was wonderful.");
        continueAsync(instance);
        UUID id = interviewId(instance);
        assertThat(ollama.requests()).as("the employee waited for follow-up decisions only")
                .allSatisfy(request -> assertThat(request.isFollowUpDecision()).isTrue());
        assertThat(analyses.current(id)).isEmpty();

        act(instance, EmployeeAction.STOP);
        untilReview(instance);
        var analysis = analyses.current(id).orElseThrow();
        assertThat(analysis.fallback()).isFalse();
        assertThat(analysis.answers()).extracting(AnalysisView.AnswerView::sentiment)
                .containsExactly(Sentiment.NEGATIVE, Sentiment.POSITIVE);
        assertThat(analysis.answers()).allSatisfy(answer -> assertThat(answer.promptVersion())
                .isEqualTo("analysis/v3"));
    }

    @Test
    void followUpsStopAtTheConfiguredCapEvenWhenTheLlmWantsMore() {
        ollama.respondWith(request -> request.isFollowUpDecision()
                ? followUp("And could you tell me more?")
                : org.exitbot.llm.OllamaStub.plausibleReply(request));
        ProcessInstance instance = invited();
        for (int reply = 1; reply <= 3; reply++) {
            answer(instance, "Reply " + reply);
            continueAsync(instance);
        }
        assertThat(instance).variables().containsEntry("questionNumber", 2).containsEntry("followUpCount", 0);
        var thread = transcripts.thread(interviewId(instance), 1).messages();
        assertThat(thread).extracting(Message::getKind).containsExactly(MessageKind.QUESTION, MessageKind.ANSWER,
                MessageKind.FOLLOW_UP, MessageKind.ANSWER, MessageKind.FOLLOW_UP, MessageKind.ANSWER);
        assertThat(ollama.requests().get(2).message("user")).contains("Do not ask a follow-up now");
    }

    @Test
    void aSkippedQuestionMovesOnWithoutAskingTheLlm() {
        ProcessInstance instance = invited();
        act(instance, EmployeeAction.SKIP);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 2);
        assertThat(ollama.requests()).isEmpty();
        assertThat(transcripts.thread(interviewId(instance), 1).messages())
                .extracting(Message::getKind).containsExactly(MessageKind.QUESTION, MessageKind.SKIPPED);
    }

    @Test
    void stoppingEndsTheConversationAndSendsWhatWasSaidToReview() throws Exception {
        ProcessInstance instance = invited();
        answer(instance, "Mostly the commute.");
        continueAsync(instance);
        act(instance, EmployeeAction.STOP);
        assertThat(instance).hasPassed("Task_RecordStop", "EndEvent_Stopped").isWaitingAt("Task_SendThankYou");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
                .as("no reminder once the employee stopped").isZero();
        assertThat(interviewRepository.findById(interviewId(instance)).orElseThrow().getStatus())
                .isEqualTo(InterviewStatus.STOPPED);
        smtp.purgeEmailFromAllMailboxes();
        untilReview(instance);
        assertThat(smtp.getReceivedMessages()).as("no mail at all once the employee stopped").isEmpty();
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
        assertThat(taskService().getVariableLocal(task(instance).getId(), "flags").toString()).contains("incomplete");
    }

    @Test
    void theReminderGoesOutWhileTheEmployeeHasNotFinished() throws Exception {
        ProcessInstance instance = invited();
        smtp.purgeEmailFromAllMailboxes();
        execute(job("BoundaryEvent_Reminder", instance));
        assertThat(instance).isWaitingAt("Task_SendReminder", ExitInterviewProcess.ANSWER_TASK);
        execute(job("Task_SendReminder", instance));
        assertThat(instance).hasPassed("EndEvent_ReminderSent").isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).startsWith("Reminder:");
    }

    @Test
    void expiryClosesTheConversationAndSendsWhatWasAnsweredToReview() {
        ProcessInstance instance = invited();
        answer(instance, "Better offer elsewhere.");
        continueAsync(instance);
        execute(job("BoundaryEvent_Expired", instance));
        assertThat(instance).hasPassed("Task_MarkExpired").isWaitingAt("Task_SendThankYou");
        assertThat(instance).isNotWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(interviewRepository.findById(interviewId(instance)).orElseThrow().getStatus())
                .isEqualTo(InterviewStatus.EXPIRED);
        untilReview(instance);
        assertThat(taskService().getVariableLocal(task(instance).getId(), "flags").toString()).contains("expired");
    }

    @Test
    void whenTheLlmFailsTheInterviewGoesOnWithScriptedFollowUpsAndTheAnalysisFallsBackFlagged() {
        ollama.respondWith(request -> Reply.error(500, "model runner has unexpectedly stopped"));
        ProcessInstance instance = invited();
        answer(instance, "My manager never listened to me and the workload was crushing.");
        continueAsync(instance);
        assertThat(instance).hasPassed("BoundaryEvent_FollowUpLlmUnavailable", "Task_ContinueWithoutFollowUp")
                .isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        assertThat(instance).variables().containsEntry("questionNumber", 1).containsEntry("followUpCount", 1)
                .containsEntry("llmFallback", true);
        assertThat(lastMessage(instance).getKind()).isEqualTo(MessageKind.SCRIPTED_FOLLOW_UP);
        assertThat(lastMessage(instance).getText())
                .isEqualTo("What could your manager have done differently to support you?");
        int requestsSoFar = ollama.requests().size();
        answer(instance, "Fine.");
        continueAsync(instance);
        assertThat(ollama.requests()).as("no more follow-up calls once flagged").hasSize(requestsSoFar);
        assertThat(lastMessage(instance).getKind()).isEqualTo(MessageKind.SCRIPTED_FOLLOW_UP);
        assertThat(lastMessage(instance).getText()).startsWith("Could you tell me a little more");
        act(instance, EmployeeAction.STOP);
        untilReview(instance);
        assertThat(instance).hasPassed("BoundaryEvent_AnalysisLlmUnavailable", "Task_AnalyseWithoutLlm")
                .isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
        assertThat(processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(instance.getId()).count()).isZero();
        var review = taskService().getVariablesLocal(task(instance).getId());
        assertThat(review.get("flags").toString()).contains("LLM fallback used")
                .contains("follow\\-ups were scripted").contains("2 asked");
        assertThat(review.get("transcript").toString()).contains("[scripted] What could your manager have done");
        assertThat(review.get("summary").toString()).startsWith("Automatic summary without the LLM");
        assertThat(interviewRepository.findById(interviewId(instance)).orElseThrow().isLlmFallback()).isTrue();
    }

    @Test
    void aMailServerFailureIsRetriedNotLost() throws Exception {
        var started = start();
        ProcessInstance instance = instanceOf(started);
        smtp.stop();
        try {
            var job = asyncJob(instance);
            org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> execute(job));
            var failed = processEngine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
            assertThat(failed.getRetries()).isEqualTo(4);
            assertThat(failed.getExceptionMessage()).contains("Mail server connection failed");
            assertThat(instance).isWaitingAt("Task_SendInvitation");
        } finally {
            smtp.start();
        }
        continueAsync(instance);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
    }

    @Test
    void aClosedInterviewIsAnonymisedWhenItsRetentionEndsAndLosesItsTranscriptLater() {
        ProcessInstance instance = invited();
        UUID id = interviewId(instance);
        answer(instance, "Lena Fischer never answered; call me on +44 7700 900123 or robin.x@private.test.");
        continueAsync(instance);
        act(instance, EmployeeAction.STOP);
        untilReview(instance);
        taskService().complete(task(instance).getId(), reviewOutcome());
        assertThat(instance).isEnded();
        Instant closedAt = interviewRepository.findById(id).orElseThrow().getClosedAt();

        ProcessInstance retention = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("interview-retention").processInstanceBusinessKey(id.toString()).singleResult();
        assertThat(retention).isWaitingAt("Event_RetentionPeriodOver");
        var anonymiseTimer = job("Event_RetentionPeriodOver", retention);
        assertThat(anonymiseTimer.getDuedate()).isEqualTo(Date.from(closedAt.plus(Duration.ofDays(365))));
        execute(anonymiseTimer);
        assertThat(retention).isWaitingAt("Task_AnonymiseInterview");
        execute(job(retention));

        Interview anonymised = interviewRepository.findById(id).orElseThrow();
        assertThat(anonymised.getName()).isNull();
        assertThat(anonymised.getEmail()).isNull();
        assertThat(anonymised.getEmployeeId()).isNull();
        assertThat(anonymised.getManager()).isNull();
        assertThat(anonymised.getAnonymisedAt()).isNotNull();
        assertThat(anonymised.getDepartment()).as("kept for the aggregates").isEqualTo("Engineering");
        assertThat(transcripts.thread(id, 1).answers().get(0).getText())
                .isEqualTo("[name] never answered; call me on [phone] or [email].");
        runDueJobs();
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).includeDeleted().count()).as("the exit process's variables are gone")
                .isZero();

        assertThat(retention).isWaitingAt("Event_TranscriptPeriodOver");
        var transcriptTimer = job("Event_TranscriptPeriodOver", retention);
        assertThat(transcriptTimer.getDuedate()).isEqualTo(Date.from(closedAt.plus(Duration.ofDays(730))));
        execute(transcriptTimer);
        execute(job(retention));
        assertThat(retention).hasPassed("Task_DeleteTranscript", "EndEvent_RetentionDone").isEnded();
        assertThat(transcripts.messages(id)).isEmpty();
        var left = interviewDetails.details(id);
        assertThat(left.analysis().sentiment()).as("the aggregates stay").isNotNull();
        assertThat(left.analysis().themes()).allSatisfy(theme -> assertThat(theme.quote()).isEmpty());
        assertThat(left.review().departureType()).isEqualTo("voluntary");
    }

    private InterviewView start() {
        return interviews.start(InterviewFixtures.newInterview(), HR_USER);
    }

    private ProcessInstance invited() {
        ProcessInstance instance = instanceOf(start());
        continueAsync(instance);
        assertThat(instance).isWaitingAt(ExitInterviewProcess.ANSWER_TASK);
        return instance;
    }

    /** Runs the asynchronous steps between the end of the conversation and HR's review. */
    private void untilReview(ProcessInstance instance) {
        while (managementService().createJobQuery().processInstanceId(instance.getId()).messages().count() > 0
                || llmTasks(instance) > 0) {
            continueAsync(instance);
        }
        assertThat(instance).isWaitingAt(ExitInterviewProcess.REVIEW_TASK);
    }

    /** Runs the instance's pending asynchronous step, as the job executor or the LLM worker would. */
    private void continueAsync(ProcessInstance instance) {
        var job = asyncJob(instance);
        if (job != null) {
            execute(job);
            return;
        }
        assertThat(llmTasks(instance)).as("an asynchronous step of the instance").isPositive();
        while (llmTasks(instance) > 0) {
            assertThat(llmWorker.serveOne()).isTrue();
        }
    }

    private static long llmTasks(ProcessInstance instance) {
        return externalTaskService().createExternalTaskQuery().processInstanceId(instance.getId()).count();
    }

    private static org.camunda.bpm.engine.runtime.Job asyncJob(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
    }

    private static ProcessInstance instanceOf(InterviewView interview) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(interview.processInstanceId())
                .singleResult();
    }

    private Message lastMessage(ProcessInstance instance) {
        var messages = transcripts.messages(interviewId(instance));
        return messages.get(messages.size() - 1);
    }

    private static UUID interviewId(ProcessInstance instance) {
        return UUID.fromString(instance.getBusinessKey());
    }

    private InterviewStatus status(InterviewView interview) {
        return interviewRepository.findById(interview.id()).orElseThrow().getStatus();
    }

    private static void answer(ProcessInstance instance, String text) {
        taskService().complete(task(instance).getId(), Variables.createVariables()
                .putValueTyped("action", Variables.stringValue("answer", true))
                .putValueTyped("answer", Variables.stringValue(text, true)));
    }

    private static void act(ProcessInstance instance, EmployeeAction action) {
        taskService().complete(task(instance).getId(), Map.of("action", action.code()));
    }

    public static Map<String, Object> reviewOutcome() {
        return Map.of("departureType", "voluntary", "regrettable", "true", "rehireEligible", "yes",
                "actions", "Benchmark salaries yearly.", "notes", "Good conversation.");
    }

    private static Reply followUp(String question) {
        return Reply.followUp(question);
    }
}
