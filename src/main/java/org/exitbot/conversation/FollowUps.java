package org.exitbot.conversation;

import java.time.Instant;
import java.util.UUID;
import org.exitbot.interview.ConversationChanged;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.llm.LlmOutOfTimeException;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.privacy.HrView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After each answer: ask a follow-up when the LLM finds one worth asking and starts to write it within the
 * turn's budget; while the LLM is unavailable, the question set's scripted follow-up. The answer itself is analysed
 * later, with the interview.
 */
@Service
class FollowUps {

    /** For HR, in English like the rest of Tasklist's forms. */
    static final String FOLLOW_UP_NOT_SHOWN = "(A follow-up question. This interview is anonymous: only the employee "
            + "sees it.)";

    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final FollowUpAdvisor advisor;
    private final ScriptedFollowUpAdvisor scripted;
    private final InterviewProperties properties;
    private final BotMessages botMessages;
    private final ApplicationEventPublisher events;

    FollowUps(InterviewRepository interviews, Transcripts transcripts, FollowUpAdvisor advisor,
            ScriptedFollowUpAdvisor scripted, InterviewProperties properties, BotMessages botMessages,
            ApplicationEventPublisher events) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.advisor = advisor;
        this.scripted = scripted;
        this.properties = properties;
        this.botMessages = botMessages;
        this.events = events;
    }

    /**
     * Asks the LLM, outside any transaction, whether the latest answer to question {@code number} deserves a
     * follow-up while under the cap. An interview flagged for the fallback asks no LLM at all: it gets the scripted
     * follow-up or acknowledgement.
     *
     * @param firstTokenBy the end of the turn's budget: when the LLM has not started to answer by then, the
     *                     decision is out of time
     * @throws LlmUnavailableException when the LLM fails
     */
    public FollowUpDecision decide(UUID interviewId, int number, int questionCount, int followUpsAsked,
            Instant firstTokenBy) {
        Interview interview = interview(interviewId);
        if (interview.isLlmFallback()) {
            return scripted.advise(interview, number, followUpsAsked);
        }
        QuestionThread thread = transcripts.thread(interviewId, number);
        try {
            String followUp = advisor.advise(interviewId, interview.getLocale(), number, questionCount,
                    thread.messages(), followUpsAsked, properties.maxFollowUps(), firstTokenBy);
            return followUp == null ? FollowUpDecision.none() : FollowUpDecision.ask(followUp);
        } catch (LlmOutOfTimeException e) {
            return FollowUpDecision.outOfTimeDecision();
        }
    }

    /**
     * Posts the follow-up, if any. When the budget ran out, the bot says it moves on, and the interview counts it
     * for HR's review.
     *
     * @return the follow-up question, or null
     */
    @Transactional
    public String record(UUID interviewId, int number, FollowUpDecision decision) {
        Interview interview = interview(interviewId);
        String questionId = transcripts.thread(interviewId, number).questionId();
        if (decision.followUp() != null) {
            transcripts.add(interviewId, decision.scripted() ? MessageKind.SCRIPTED_FOLLOW_UP : MessageKind.FOLLOW_UP,
                    number, questionId, decision.followUp(), BotMessages.BOT);
        }
        if (decision.acknowledgement() != null) {
            transcripts.add(interviewId, MessageKind.ACKNOWLEDGEMENT, number, questionId, decision.acknowledgement(),
                    BotMessages.BOT);
        }
        if (decision.outOfTime()) {
            interview.countFollowUpOutOfTime();
            transcripts.add(interviewId, MessageKind.FOLLOW_UP_SKIPPED, number, questionId,
                    botMessages.movingOn(interview.getLocale()), BotMessages.BOT);
        }
        changed(interviewId);
        return decision.followUp();
    }

    /**
     * The follow-up as the answer task shows it to HR in Tasklist and on engine-rest: an LLM's follow-up is made of
     * the employee's words, which no task of an anonymous interview may hold.
     */
    @Transactional(readOnly = true)
    public String shownOnTheTask(UUID interviewId, String followUp) {
        return HrView.showsWords(interview(interviewId)) ? followUp : FOLLOW_UP_NOT_SHOWN;
    }

    private void changed(UUID interviewId) {
        events.publishEvent(new ConversationChanged(interviewId));
    }

    private Interview interview(UUID interviewId) {
        return interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
    }
}
