package org.exitbot.conversation;

import java.util.UUID;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.interview.ConversationChanged;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.questions.QuestionSetService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** After each answer: analyse it, and ask a follow-up when the LLM finds one worth asking. */
@Service
class FollowUps {

    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final QuestionSetService questionSets;
    private final FollowUpAdvisor advisor;
    private final AnalysisService analyses;
    private final InterviewProperties properties;
    private final ApplicationEventPublisher events;

    FollowUps(InterviewRepository interviews, Transcripts transcripts, QuestionSetService questionSets,
            FollowUpAdvisor advisor, AnalysisService analyses, InterviewProperties properties,
            ApplicationEventPublisher events) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.questionSets = questionSets;
        this.advisor = advisor;
        this.analyses = analyses;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Analyses the latest answer to question {@code number} and, while under the cap, posts a follow-up when
     * the LLM finds one worth asking. An interview flagged for the fallback asks no LLM at all. Throws
     * {@link LlmUnavailableException} when the LLM fails, leaving the transaction usable for the fallback.
     *
     * @return the follow-up question, or null
     */
    @Transactional(noRollbackFor = LlmUnavailableException.class)
    public String decide(UUID interviewId, int number, int followUpsAsked) {
        Interview interview = interview(interviewId);
        QuestionThread thread = transcripts.thread(interviewId, number);
        Message answer = thread.messages().get(thread.messages().size() - 1);
        if (interview.isLlmFallback()) {
            analyses.recordAnswerWithoutLlm(answer, interview.getLocale());
            changed(interviewId);
            return null;
        }
        int questionCount = questionSets.byId(interview.getQuestionSetId()).size();
        var advice = advisor.advise(interviewId, interview.getLocale(), number, questionCount, thread.messages(),
                followUpsAsked, properties.maxFollowUps());
        analyses.recordAnswer(answer, advice.insight(), advice.model(), advice.promptVersion());
        if (advice.followUp() != null) {
            transcripts.add(interviewId, MessageKind.FOLLOW_UP, number, thread.questionId(), advice.followUp(),
                    BotMessages.BOT);
        }
        changed(interviewId);
        return advice.followUp();
    }

    /** The LLM failed for good: this interview continues on the scripted questions, flagged. */
    @Transactional
    public void continueWithout(UUID interviewId, int number) {
        Interview interview = interview(interviewId);
        interview.flagLlmFallback();
        QuestionThread thread = transcripts.thread(interviewId, number);
        analyses.recordAnswerWithoutLlm(thread.messages().get(thread.messages().size() - 1), interview.getLocale());
        changed(interviewId);
    }

    private void changed(UUID interviewId) {
        events.publishEvent(new ConversationChanged(interviewId));
    }

    private Interview interview(UUID interviewId) {
        return interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
    }
}
