package org.exitbot.chat;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.interview.AnswerText;
import org.exitbot.interview.ConversationService;
import org.exitbot.interview.EmployeeAction;
import org.exitbot.interview.ExitInterviewProcess;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewLinks;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.Transcripts;
import org.exitbot.interview.Visibility;
import org.exitbot.privacy.Erasure;
import org.exitbot.privacy.PrivacyProperties;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.system.ExitBotProperties;
import org.exitbot.system.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee's side, authorised by the link token alone. Answers complete the employee's user task through
 * the Java API, so the answer and the task completion commit together or not at all.
 */
@Service
public class ChatService {

    private final InterviewLinks links;
    private final Transcripts transcripts;
    private final QuestionSetService questionSets;
    private final ConversationService conversation;
    private final Erasure erasure;
    private final TaskService taskService;
    private final InterviewProperties interviewProperties;
    private final PrivacyProperties privacy;
    private final ExitBotProperties properties;
    private final Clock clock;

    ChatService(InterviewLinks links, Transcripts transcripts, QuestionSetService questionSets,
            ConversationService conversation, Erasure erasure, TaskService taskService,
            InterviewProperties interviewProperties,
            PrivacyProperties privacy, ExitBotProperties properties, Clock clock) {
        this.links = links;
        this.transcripts = transcripts;
        this.questionSets = questionSets;
        this.conversation = conversation;
        this.erasure = erasure;
        this.taskService = taskService;
        this.interviewProperties = interviewProperties;
        this.privacy = privacy;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ChatState state(String token) {
        return state(usable(token));
    }

    /** The interview a still usable link opens, for the page and the event stream. */
    @Transactional(readOnly = true)
    public Interview open(String token) {
        return usable(token);
    }

    @Transactional
    public ChatState consent(String token, Visibility visibility) {
        Interview interview = conversing(token);
        conversation.consent(interview.getId(), visibility);
        return state(interview);
    }

    @Transactional
    public ChatState answer(String token, String text) {
        return act(token, EmployeeAction.ANSWER, text);
    }

    @Transactional
    public ChatState skip(String token) {
        return act(token, EmployeeAction.SKIP, null);
    }

    /** Stops the interview; before the introduction is accepted this declines taking part. */
    @Transactional
    public ChatState stop(String token) {
        return act(token, EmployeeAction.STOP, null);
    }

    /** The employee withdraws: the interview is erased, whatever its state, while the link still works. */
    @Transactional
    public void erase(String token) {
        erasure.erase(usable(token).getId(), Erasure.EMPLOYEE);
    }

    @Transactional
    public ChatState edit(String token, Long messageId, String text) {
        Interview interview = conversing(token);
        awaiting(interview, ExitInterviewProcess.REVIEW_ANSWERS_TASK,
                "Answers can be corrected once every question is answered.");
        conversation.editAnswer(interview.getId(), messageId, text);
        return state(interview);
    }

    @Transactional
    public ChatState finish(String token) {
        Interview interview = conversing(token);
        Task review = awaiting(interview, ExitInterviewProcess.REVIEW_ANSWERS_TASK,
                "There are still questions to answer.");
        complete(review, Variables.createVariables().putValue("answersConfirmed", true));
        return state(interview);
    }

    private ChatState act(String token, EmployeeAction action, String text) {
        Interview interview = conversing(token);
        if (action == EmployeeAction.ANSWER) {
            AnswerText.check(text, interviewProperties.answerMaxLength());
        }
        if (action != EmployeeAction.STOP && interview.getConsentedAt() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Introduction not accepted",
                    "Please read the introduction and start the interview first.");
        }
        Task task = awaiting(interview, ExitInterviewProcess.ANSWER_TASK,
                "ExitBot is still preparing the next question. Please try again in a moment.");
        var variables = Variables.createVariables()
                .putValueTyped(ExitInterviewProcess.Var.ACTION, Variables.stringValue(action.code(), true));
        if (action == EmployeeAction.ANSWER) {
            variables.putValueTyped(ExitInterviewProcess.Var.ANSWER, Variables.stringValue(text, true));
        }
        complete(task, variables);
        return state(interview);
    }

    private void complete(Task task, java.util.Map<String, Object> variables) {
        try {
            taskService.complete(task.getId(), variables);
        } catch (OptimisticLockingException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already answered",
                    "This step was completed at the same time from somewhere else.");
        }
    }

    private Interview conversing(String token) {
        Interview interview = usable(token);
        if (!interview.getStatus().isConversationOpen()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Interview finished",
                    "This interview is " + interview.getStatus().code() + " and takes no more answers.");
        }
        return interview;
    }

    private Task awaiting(Interview interview, String taskKey, String notYet) {
        Task task = openTask(interview);
        if (task == null || !taskKey.equals(task.getTaskDefinitionKey())) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not now", notYet);
        }
        return task;
    }

    /** The interview behind a token, if the link still opens it: 404 for unknown tokens, 410 for dead links. */
    private Interview usable(String token) {
        Interview interview = links.find(token).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "Link not found", "This link does not open an interview. Please check that you copied all of it."));
        boolean revoked = interview.getLinkRevokedAt() != null || interview.getStatus() == InterviewStatus.CLOSED;
        boolean expired = interview.getStatus() == InterviewStatus.EXPIRED
                || interview.getExpiresAt() != null && clock.instant().isAfter(interview.getExpiresAt());
        if (revoked || expired) {
            throw new ProblemException(HttpStatus.GONE, "Link no longer valid",
                    "This interview link has " + (revoked ? "been closed" : "expired") + ".");
        }
        return interview;
    }

    private Task openTask(Interview interview) {
        List<Task> tasks = taskService.createTaskQuery()
                .processInstanceId(interview.getProcessInstanceId())
                .taskDefinitionKeyIn(ExitInterviewProcess.ANSWER_TASK, ExitInterviewProcess.REVIEW_ANSWERS_TASK)
                .list();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private ChatState state(Interview interview) {
        // the task first: once it is visible, so are the messages its transaction wrote before it
        Task task = interview.getStatus().isConversationOpen() ? openTask(interview) : null;
        var messages = transcripts.messages(interview.getId());
        int questionCount = questionSets.byId(interview.getQuestionSetId()).size();
        ChatState.Awaiting awaiting = null;
        if (task != null && ExitInterviewProcess.REVIEW_ANSWERS_TASK.equals(task.getTaskDefinitionKey())) {
            awaiting = new ChatState.Awaiting("review", questionCount, questionCount);
        } else if (task != null) {
            awaiting = messages.stream()
                    .filter(m -> m.getKind() == MessageKind.QUESTION || m.getKind() == MessageKind.FOLLOW_UP)
                    .reduce((first, second) -> second)
                    .map(prompt -> new ChatState.Awaiting(prompt.getKind().code(), prompt.getQuestionNumber(),
                            questionCount))
                    .orElse(null);
        }
        return new ChatState(interview.getStatus(), properties.organisationName(), interview.getLocale(),
                interview.getExpiresAt(), interview.getConsentedAt() != null, interview.getVisibility(),
                privacy.employeeChoosesVisibility(), questionCount,
                messages.stream().map(m -> new ChatState.ChatMessage(m.getId(), m.getRole(), m.getKind(),
                        m.getQuestionNumber(), m.getText(), m.getCreatedAt(), m.getEditedAt() != null)).toList(),
                awaiting);
    }
}
