package org.exitbot.conversation;

import java.util.UUID;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When the LLM fails for good during the conversation, the interview goes on with the scripted follow-ups. */
@Service
class ContinueWithScriptedFollowUps {

    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final AnalysisService analyses;
    private final ScriptedFollowUpAdvisor scripted;
    private final FollowUps followUps;

    ContinueWithScriptedFollowUps(InterviewRepository interviews, Transcripts transcripts, AnalysisService analyses,
            ScriptedFollowUpAdvisor scripted, FollowUps followUps) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.analyses = analyses;
        this.scripted = scripted;
        this.followUps = followUps;
    }

    /**
     * Flags the interview for the fallback, analyses the answer with it, and follows the answer up from the script.
     *
     * @return the scripted follow-up as the answer task may show it (see {@link FollowUps#shownOnTheTask}), or null
     *         when the bot acknowledges the answer and moves on
     */
    @Transactional
    public String continueWithout(UUID interviewId, int number, int followUpsAsked) {
        Interview interview = interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
        interview.flagLlmFallback();
        QuestionThread thread = transcripts.thread(interviewId, number);
        Message answer = thread.messages().get(thread.messages().size() - 1);
        analyses.recordAnswerWithoutLlm(answer, interview.getLocale());
        String followUp = followUps.record(interviewId, number, scripted.advise(interview, number, followUpsAsked));
        return followUp == null ? null : followUps.shownOnTheTask(interviewId, followUp);
    }
}
