package org.exitbot.interview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.privacy.PrivacyProperties;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.questions.QuestionSetView;
import org.exitbot.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the process's tasks do to an interview: one method per BPMN step. */
@Service
public class ConversationService {

    static final String EMPLOYEE = "employee";

    private final InterviewRepository interviews;
    private final MessageRepository messages;
    private final MessageRevisionRepository revisions;
    private final ReviewRepository reviews;
    private final Transcripts transcripts;
    private final QuestionSetService questionSets;
    private final InterviewLinks links;
    private final FollowUpAdvisor followUpAdvisor;
    private final AnalysisService analyses;
    private final BotMessages bot;
    private final InterviewProperties properties;
    private final PrivacyProperties privacy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationService(InterviewRepository interviews, MessageRepository messages, MessageRevisionRepository revisions,
            ReviewRepository reviews, Transcripts transcripts, QuestionSetService questionSets, InterviewLinks links,
            FollowUpAdvisor followUpAdvisor, AnalysisService analyses, BotMessages bot, InterviewProperties properties,
            PrivacyProperties privacy, ApplicationEventPublisher events, Clock clock) {
        this.interviews = interviews;
        this.messages = messages;
        this.revisions = revisions;
        this.reviews = reviews;
        this.transcripts = transcripts;
        this.questionSets = questionSets;
        this.links = links;
        this.followUpAdvisor = followUpAdvisor;
        this.analyses = analyses;
        this.bot = bot;
        this.properties = properties;
        this.privacy = privacy;
        this.events = events;
        this.clock = clock;
    }

    /** When the reminder goes out, when the response window closes, and how many questions there are. */
    public record Schedule(Instant reminderAt, Instant expiresAt, int questionCount) {
    }

    @Transactional
    public Schedule prepare(UUID interviewId) {
        Interview interview = interview(interviewId);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.responseWindow());
        links.issue(interview, now, expiresAt);
        QuestionSetView questionSet = questionSets.byId(interview.getQuestionSetId());
        post(interview, MessageKind.WELCOME, null, null, bot.welcome(interview.getLocale(), questionSet.size()));
        return new Schedule(reminderTime(now, expiresAt), expiresAt, questionSet.size());
    }

    /** Posts question {@code number} and returns its text. */
    @Transactional
    public String askQuestion(UUID interviewId, int number) {
        Interview interview = interview(interviewId);
        var question = questionSets.byId(interview.getQuestionSetId()).question(number);
        post(interview, MessageKind.QUESTION, number, question.id(), question.text());
        return question.text();
    }

    /**
     * Records what the employee did at question {@code number}: their answer, a skip or a stop.
     *
     * @param recordedBy {@code employee} through the link, or the HR user who typed it in
     */
    @Transactional
    public void recordEmployeeAction(UUID interviewId, int number, EmployeeAction action, String text,
            String recordedBy) {
        Interview interview = interview(interviewId);
        if (!interview.getStatus().isConversationOpen()) {
            throw new IllegalStateException("Interview " + interviewId + " is " + interview.getStatus().code());
        }
        String questionId = transcripts.thread(interviewId, number).questionId();
        switch (action) {
            case ANSWER -> {
                String answer = AnswerText.check(text, properties.answerMaxLength());
                messages.save(new Message(interviewId, MessageKind.ANSWER, number, questionId, answer, recordedBy,
                        clock.instant()));
            }
            case SKIP -> messages.save(new Message(interviewId, MessageKind.SKIPPED, number, questionId, "", recordedBy,
                    clock.instant()));
            case STOP -> messages.save(new Message(interviewId, MessageKind.STOPPED, number, questionId, "", recordedBy,
                    clock.instant()));
        }
        interview.markStarted(clock.instant());
        changed(interview);
    }

    /**
     * The employee read the introduction and takes part. They may choose how HR sees them where the
     * organisation allows it; otherwise the interview keeps the visibility HR gave it.
     */
    @Transactional
    public void consent(UUID interviewId, Visibility requested) {
        Interview interview = interview(interviewId);
        if (requested != null && requested != interview.getVisibility() && !privacy.employeeChoosesVisibility()) {
            throw new InvalidInputException("visibility", "cannot be chosen: the organisation set it to "
                    + interview.getVisibility().code());
        }
        interview.consent(requested == null ? interview.getVisibility() : requested, clock.instant());
        changed(interview);
    }

    /** Corrects an answer; the earlier wording is kept as a revision and the answer is analysed again. */
    @Transactional
    public void editAnswer(UUID interviewId, Long messageId, String text) {
        Message answer = messages.findById(messageId)
                .filter(m -> m.getInterviewId().equals(interviewId) && m.getKind() == MessageKind.ANSWER)
                .orElseThrow(() -> new InvalidInputException("messageId", "is not one of your answers"));
        String corrected = AnswerText.check(text, properties.answerMaxLength());
        if (!corrected.equals(answer.getText())) {
            revisions.save(new MessageRevision(messageId, answer.getText(), clock.instant()));
            answer.edit(corrected, clock.instant());
            analyses.forgetAnswer(messageId);
            changed(interview(interviewId));
        }
    }

    /**
     * Analyses the latest answer to question {@code number} and, while under the cap, posts a follow-up when
     * the LLM finds one worth asking. Throws {@link LlmUnavailableException} when the LLM fails, leaving the transaction usable for the fallback.
     *
     * @return the follow-up question, or null
     */
    @Transactional(noRollbackFor = LlmUnavailableException.class)
    public String decideFollowUp(UUID interviewId, int number, int followUpsAsked) {
        Interview interview = interview(interviewId);
        QuestionThread thread = transcripts.thread(interviewId, number);
        Message answer = thread.messages().get(thread.messages().size() - 1);
        if (interview.isLlmFallback()) {
            analyses.recordAnswerWithoutLlm(answer, interview.getLocale());
            changed(interview);
            return null;
        }
        int questionCount = questionSets.byId(interview.getQuestionSetId()).size();
        var advice = followUpAdvisor.advise(interviewId, interview.getLocale(), number, questionCount, thread.messages(),
                followUpsAsked, properties.maxFollowUps());
        analyses.recordAnswer(answer, advice.insight(), advice.model(), advice.promptVersion());
        if (advice.followUp() != null) {
            post(interview, MessageKind.FOLLOW_UP, number, thread.questionId(), advice.followUp());
        }
        changed(interview);
        return advice.followUp();
    }

    /** The LLM failed for good: this interview continues on the scripted questions, flagged. */
    @Transactional
    public void continueWithoutFollowUp(UUID interviewId, int number) {
        Interview interview = interview(interviewId);
        interview.flagLlmFallback();
        QuestionThread thread = transcripts.thread(interviewId, number);
        analyses.recordAnswerWithoutLlm(thread.messages().get(thread.messages().size() - 1), interview.getLocale());
        changed(interview);
    }

    @Transactional
    public void complete(UUID interviewId) {
        Interview interview = interview(interviewId);
        interview.finish(InterviewStatus.COMPLETED, clock.instant());
        post(interview, MessageKind.CLOSING, null, null, bot.thanks(interview.getLocale()));
    }

    @Transactional
    public void recordStop(UUID interviewId) {
        Interview interview = interview(interviewId);
        interview.finish(InterviewStatus.STOPPED, clock.instant());
        post(interview, MessageKind.CLOSING, null, null, bot.stopped(interview.getLocale()));
    }

    @Transactional
    public void markExpired(UUID interviewId) {
        Interview interview = interview(interviewId);
        interview.finish(InterviewStatus.EXPIRED, clock.instant());
        changed(interview);
    }

    @Transactional
    public void close(UUID interviewId, ReviewOutcome outcome, String reviewer) {
        Interview interview = interview(interviewId);
        reviews.save(new Review(interviewId, reviewer, outcome, clock.instant()));
        interview.close(clock.instant());
        changed(interview);
        events.publishEvent(new InterviewClosed(interviewId, interview.getVisibility(), interview.getClosedAt()));
    }

    private void post(Interview interview, MessageKind kind, Integer number, String questionId, String text) {
        messages.save(new Message(interview.getId(), kind, number, questionId, text, "bot", clock.instant()));
        changed(interview);
    }

    private void changed(Interview interview) {
        events.publishEvent(new ConversationChanged(interview.getId()));
    }

    private Instant reminderTime(Instant now, Instant expiresAt) {
        Instant reminderAt = expiresAt.minus(properties.reminderBeforeExpiry());
        // A reminder within a day of the invitation only repeats it: schedule it past the expiry, where it never fires.
        return reminderAt.isBefore(now.plus(Duration.ofDays(1))) ? expiresAt.plusSeconds(1) : reminderAt;
    }

    private Interview interview(UUID interviewId) {
        return interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
    }
}
