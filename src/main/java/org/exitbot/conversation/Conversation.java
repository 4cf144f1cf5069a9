package org.exitbot.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.AnswerText;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.Transcripts;
import org.exitbot.interview.Visibility;
import org.exitbot.system.ConflictException;
import org.exitbot.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation as the employee drives it, with the process behind it hidden: what it waits for, and what the
 * employee does. An answer completes the employee's task through the engine, so the answer and the completion
 * commit together or not at all; it travels as a transient variable and never lands in the engine's tables.
 */
@Service
public class Conversation {

    private final InterviewRepository interviews;
    private final EmployeeTasks tasks;
    private final ConversationService conversation;
    private final EmployeeConsent consent;
    private final Transcripts transcripts;
    private final InterviewProperties properties;
    private final SummaryForEmployee summaries;

    Conversation(InterviewRepository interviews, EmployeeTasks tasks, ConversationService conversation, EmployeeConsent consent,
            Transcripts transcripts, InterviewProperties properties, SummaryForEmployee summaries) {
        this.interviews = interviews;
        this.tasks = tasks;
        this.conversation = conversation;
        this.consent = consent;
        this.transcripts = transcripts;
        this.properties = properties;
        this.summaries = summaries;
    }

    /** The conversation's messages, and what the employee is asked for now (empty while the bot is working). */
    public record Moment(List<Message> messages, Optional<Awaiting> awaiting) {
    }

    /**
     * The messages and what is awaited, read once and consistently with each other; nothing is awaited while the
     * bot is working or once the conversation is over.
     */
    @Transactional(readOnly = true)
    public Moment now(UUID interviewId) {
        // the task first: once it is visible, so are the messages its transaction wrote before it
        return moment(interviewId, openTask(interviewId));
    }

    private Moment moment(UUID interviewId, Task task) {
        List<Message> messages = transcripts.messages(interviewId);
        if (task == null) {
            return new Moment(messages, Optional.empty());
        }
        if (ExitInterviewProcess.REVIEW_ANSWERS_TASK.equals(task.getTaskDefinitionKey())) {
            return new Moment(messages, Optional.of(new Awaiting(Awaiting.REVIEW, 0, null)));
        }
        if (ExitInterviewProcess.CONFIRM_SUMMARY_TASK.equals(task.getTaskDefinitionKey())) {
            return new Moment(messages, Optional.of(new Awaiting(Awaiting.SUMMARY, 0, null)));
        }
        return new Moment(messages, messages.stream()
                .filter(m -> m.getKind().asks())
                .reduce((first, second) -> second)
                .map(prompt -> new Awaiting(prompt.getKind() == MessageKind.QUESTION ? MessageKind.QUESTION.code()
                        : MessageKind.FOLLOW_UP.code(), prompt.getQuestionNumber(), prompt.getId())));
    }

    /** @param visibility the employee's choice, or null to keep the one HR gave */
    @Transactional
    public void consent(UUID interviewId, Visibility visibility) {
        consent.consent(interviewId, visibility);
    }

    /**
     * Answers the question or follow-up asked; answers wait for the employee to accept the introduction. The same
     * answer to the same prompt again (a retry, a double click) is taken as already given and stores nothing.
     *
     * @param inReplyTo the id of the bot's message the employee answers, as their page shows it
     * @throws StaleReplyException when the conversation has moved on from {@code inReplyTo}
     */
    @Transactional
    public void submitAnswer(UUID interviewId, long inReplyTo, String text) {
        AnswerText.check(text, properties.answerMaxLength());
        act(interviewId, EmployeeAction.ANSWER, text, inReplyTo);
    }

    /** @param inReplyTo the prompt the employee skips, or null to skip whatever is asked */
    @Transactional
    public void skip(UUID interviewId, Long inReplyTo) {
        act(interviewId, EmployeeAction.SKIP, null, inReplyTo);
    }

    /** Stops the interview; before the introduction is accepted this declines taking part. */
    @Transactional
    public void stop(UUID interviewId) {
        act(interviewId, EmployeeAction.STOP, null, null);
    }

    /** Corrects an answer while the employee reviews them, after the last question. */
    @Transactional
    public void correctAnswer(UUID interviewId, Long messageId, String text) {
        awaitingTask(interviewId, ExitInterviewProcess.REVIEW_ANSWERS_TASK,
                "Answers can be corrected once every question is answered.");
        conversation.correctAnswer(interviewId, messageId, text);
    }

    /** The employee confirms their answers: next they check the summary HR will read. */
    @Transactional
    public void finish(UUID interviewId) {
        Task review = awaitingTask(interviewId, ExitInterviewProcess.REVIEW_ANSWERS_TASK,
                "There are still questions to answer.");
        complete(review, Variables.createVariables().putValue(ExitInterviewProcess.Var.ANSWERS_CONFIRMED, true));
    }

    /**
     * Whether {@code inReplyTo} is what is asked now; false when this very reply to it is in the transcript already
     * (an answer of the same text, or a skip). Anything else is a stale page's reply.
     */
    private boolean repliesToCurrentPrompt(UUID interviewId, Task task, long inReplyTo, String text) {
        Moment moment = moment(interviewId, task);
        if (moment.awaiting().map(a -> a.promptId() != null && a.promptId() == inReplyTo).orElse(false)) {
            return true;
        }
        List<Message> messages = moment.messages();
        for (int i = 0; i < messages.size() - 1; i++) {
            if (messages.get(i).getId() == inReplyTo) {
                Message reply = messages.get(i + 1);
                boolean same = text == null ? reply.getKind() == MessageKind.SKIPPED
                        : reply.getKind() == MessageKind.ANSWER && text.equals(reply.getText());
                if (same) {
                    return false;
                }
            }
        }
        throw new StaleReplyException(moment.awaiting().isPresent());
    }

    /** What the employee checks before finishing, once it is made. */
    @Transactional(readOnly = true)
    public Optional<SummaryToCheck> summary(UUID interviewId) {
        return summaries.toCheck(interviewId);
    }

    /**
     * Corrects a statement of the summary while the employee checks it.
     *
     * @param version the summary's version the employee saw; another is a stale tab's (409)
     */
    @Transactional
    public void correctStatement(UUID interviewId, int position, String text, int version) {
        Task task = checkingSummary(interviewId);
        summaries.correct(interviewId, position, text, version);
        summaries.showOn(task.getId(), interviewId);
    }

    @Transactional
    public void removeStatement(UUID interviewId, int position, int version) {
        Task task = checkingSummary(interviewId);
        summaries.remove(interviewId, position, version);
        summaries.showOn(task.getId(), interviewId);
    }

    /**
     * Removes a theme from what HR will read, or ({@code removed} false) puts it back.
     *
     * @throws NotFoundException for a code that is no theme's
     */
    @Transactional
    public void removeTheme(UUID interviewId, String themeCode, boolean removed, int version) {
        Theme theme = Theme.ofCode(themeCode).orElseThrow(() -> new NotFoundException("No such theme",
                "There is no theme " + themeCode + ". Themes: " + Theme.codes() + "."));
        Task task = checkingSummary(interviewId);
        summaries.removeTheme(interviewId, theme, removed, version);
        summaries.showOn(task.getId(), interviewId);
    }

    /** The employee confirms the summary as they left it (at {@code version}): the conversation is complete. */
    @Transactional
    public void confirmSummary(UUID interviewId, int version) {
        Task task = checkingSummary(interviewId);
        summaries.confirm(interviewId, version);
        complete(task, Map.of());
    }

    private Task checkingSummary(UUID interviewId) {
        return awaitingTask(interviewId, ExitInterviewProcess.CONFIRM_SUMMARY_TASK,
                "The summary can be checked once the answers are reviewed and the summary is ready.");
    }

    /** @param inReplyTo the prompt the employee replies to, or null for whatever is asked */
    private void act(UUID interviewId, EmployeeAction action, String text, Long inReplyTo) {
        if (action != EmployeeAction.STOP && interviews.findById(interviewId).orElseThrow().getConsentedAt() == null) {
            throw new ConflictException("Introduction not accepted",
                    "Please read the introduction and start the interview first.");
        }
        Task task = openTask(interviewId);
        if (inReplyTo != null && !repliesToCurrentPrompt(interviewId, task, inReplyTo, text)) {
            return;
        }
        awaited(task, ExitInterviewProcess.ANSWER_TASK,
                "ExitBot is still preparing the next question. Please try again in a moment.");
        var variables = Variables.createVariables()
                .putValueTyped(ExitInterviewProcess.Var.ACTION, Variables.stringValue(action.code(), true));
        if (action == EmployeeAction.ANSWER) {
            variables.putValueTyped(ExitInterviewProcess.Var.ANSWER, Variables.stringValue(text, true));
        }
        complete(task, variables);
    }

    private void complete(Task task, Map<String, Object> variables) {
        try {
            tasks.complete(task, variables);
        } catch (OptimisticLockingException e) {
            throw new ConflictException("Already answered",
                    "This step was completed at the same time from somewhere else.");
        }
    }

    private Task awaitingTask(UUID interviewId, String taskKey, String notYet) {
        return awaited(openTask(interviewId), taskKey, notYet);
    }

    private static Task awaited(Task task, String taskKey, String notYet) {
        if (task == null || !taskKey.equals(task.getTaskDefinitionKey())) {
            throw new ConflictException("Not now", notYet);
        }
        return task;
    }

    private Task openTask(UUID interviewId) {
        return tasks.open(interviewId);
    }
}
