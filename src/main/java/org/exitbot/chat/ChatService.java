package org.exitbot.chat;

import java.time.Clock;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.interview.AnswerText;
import org.exitbot.interview.EmployeeAction;
import org.exitbot.interview.ExitInterviewProcess;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewLinks;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.Transcripts;
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
    private final TaskService taskService;
    private final InterviewProperties interviewProperties;
    private final ExitBotProperties properties;
    private final Clock clock;

    ChatService(InterviewLinks links, Transcripts transcripts, QuestionSetService questionSets,
            TaskService taskService, InterviewProperties interviewProperties, ExitBotProperties properties,
            Clock clock) {
        this.links = links;
        this.transcripts = transcripts;
        this.questionSets = questionSets;
        this.taskService = taskService;
        this.interviewProperties = interviewProperties;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ChatState state(String token) {
        return state(usable(token));
    }

    @Transactional
    public ChatState answer(String token, String text) {
        return act(token, EmployeeAction.ANSWER, text);
    }

    @Transactional
    public ChatState skip(String token) {
        return act(token, EmployeeAction.SKIP, null);
    }

    @Transactional
    public ChatState stop(String token) {
        return act(token, EmployeeAction.STOP, null);
    }

    private ChatState act(String token, EmployeeAction action, String text) {
        Interview interview = usable(token);
        if (action == EmployeeAction.ANSWER) {
            AnswerText.check(text, interviewProperties.answerMaxLength());
        }
        if (!interview.getStatus().isConversationOpen()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Interview finished",
                    "This interview is " + interview.getStatus().code() + " and takes no more answers.");
        }
        Task task = awaitingTask(interview);
        if (task == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not your turn",
                    "ExitBot is still preparing the next question. Please try again in a moment.");
        }
        var variables = Variables.createVariables()
                .putValueTyped(ExitInterviewProcess.Var.ACTION, Variables.stringValue(action.code(), true));
        if (action == EmployeeAction.ANSWER) {
            variables.putValueTyped(ExitInterviewProcess.Var.ANSWER, Variables.stringValue(text, true));
        }
        try {
            taskService.complete(task.getId(), variables);
        } catch (OptimisticLockingException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already answered",
                    "This question was answered at the same time from somewhere else.");
        }
        return state(interview);
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

    private Task awaitingTask(Interview interview) {
        return taskService.createTaskQuery()
                .processInstanceId(interview.getProcessInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK)
                .singleResult();
    }

    private ChatState state(Interview interview) {
        var messages = transcripts.messages(interview.getId());
        ChatState.Awaiting awaiting = null;
        if (interview.getStatus().isConversationOpen() && awaitingTask(interview) != null) {
            Message prompt = messages.stream()
                    .filter(m -> m.getKind() == MessageKind.QUESTION || m.getKind() == MessageKind.FOLLOW_UP)
                    .reduce((first, second) -> second)
                    .orElseThrow();
            awaiting = new ChatState.Awaiting(prompt.getKind().code(), prompt.getQuestionNumber(),
                    questionSets.byId(interview.getQuestionSetId()).size());
        }
        return new ChatState(interview.getStatus(), properties.organisationName(), interview.getLocale(),
                interview.getExpiresAt(),
                messages.stream().map(m -> new ChatState.ChatMessage(m.getRole(), m.getKind(), m.getText(),
                        m.getCreatedAt())).toList(),
                awaiting);
    }
}
