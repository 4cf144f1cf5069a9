package org.exitbot.conversation;

import java.time.Clock;
import java.util.UUID;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.interview.AnswerText;
import org.exitbot.interview.ConversationChanged;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.Transcripts;
import org.exitbot.questions.QuestionSetService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The question loop: the bot asks, the employee answers, skips, stops, or corrects an answer at the end. */
@Service
class ConversationService {

    static final String EMPLOYEE = "employee";

    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final QuestionSetService questionSets;
    private final AnalysisService analyses;
    private final InterviewProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationService(InterviewRepository interviews, Transcripts transcripts, QuestionSetService questionSets,
            AnalysisService analyses, InterviewProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.questionSets = questionSets;
        this.analyses = analyses;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Posts question {@code number} and returns its text. */
    @Transactional
    public String askQuestion(UUID interviewId, int number) {
        Interview interview = interview(interviewId);
        var question = questionSets.byId(interview.getQuestionSetId()).question(number);
        transcripts.add(interviewId, MessageKind.QUESTION, number, question.id(), question.text(), BotMessages.BOT);
        return question.text();
    }

    /**
     * Records what the employee did at question {@code number}: their answer, a skip or a stop.
     *
     * @param recordedBy {@link #EMPLOYEE} through the link, or the HR user who typed it in
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
            case ANSWER -> transcripts.add(interviewId, MessageKind.ANSWER, number, questionId,
                    AnswerText.check(text, properties.answerMaxLength()), recordedBy);
            case SKIP -> transcripts.add(interviewId, MessageKind.SKIPPED, number, questionId, "", recordedBy);
            case STOP -> transcripts.add(interviewId, MessageKind.STOPPED, number, questionId, "", recordedBy);
        }
        interview.markStarted(clock.instant());
        events.publishEvent(new ConversationChanged(interviewId));
    }

    /** Corrects an answer; the earlier wording is kept as a revision and the answer is analysed again. */
    @Transactional
    public void correctAnswer(UUID interviewId, Long messageId, String text) {
        if (transcripts.correct(interviewId, messageId, AnswerText.check(text, properties.answerMaxLength()))) {
            analyses.forgetAnswer(messageId);
        }
    }

    private Interview interview(UUID interviewId) {
        return interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
    }
}
