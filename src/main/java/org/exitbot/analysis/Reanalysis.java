package org.exitbot.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.llm.LlmAnswer;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.system.ConflictException;
import org.exitbot.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Analyses a finished interview again with the LLM: the answers the fallback analysed (or nobody did), then the
 * whole interview. All LLM calls come first and outside any transaction; only when every one succeeded are the
 * results stored, together, so a failure changes nothing.
 */
@Service
public class Reanalysis {

    /** Published after a re-analysis is stored, so views of the interview (e.g. an open review task) refresh. */
    public record Done(UUID interviewId) {
    }

    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final AnalysisService analyses;
    private final AnswerAnalyst answerAnalyst;
    private final InterviewAnalyst interviewAnalyst;
    private final ApplicationEventPublisher events;

    Reanalysis(InterviewRepository interviews, Transcripts transcripts, AnalysisService analyses,
            AnswerAnalyst answerAnalyst, InterviewAnalyst interviewAnalyst, ApplicationEventPublisher events) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.analyses = analyses;
        this.answerAnalyst = answerAnalyst;
        this.interviewAnalyst = interviewAnalyst;
        this.events = events;
    }

    /**
     * @throws NotFoundException for an unknown interview
     * @throws ConflictException while the conversation is still open, and once the interview is anonymised (its
     *                           words are redacted or gone)
     * @throws LlmUnavailableException when the LLM fails; nothing is stored then
     */
    public AnalysisView reanalyse(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow(() -> new NotFoundException("Not found", "There is no interview " + interviewId));
        if (interview.getStatus().isConversationOpen()) {
            throw new ConflictException("Interview not finished",
                    "Interview " + interviewId + " is still " + interview.getStatus().code()
                            + ": it is analysed once the conversation has ended");
        }
        if (interview.getAnonymisedAt() != null) {
            throw new ConflictException("Interview anonymised",
                    "Interview " + interviewId + " is anonymised: its words are no longer its own to analyse again");
        }
        List<QuestionThread> threads = transcripts.threads(interviewId);
        List<Message> all = AnalysisService.answersOf(threads);
        Map<Long, AnswerAnalysis> current = analyses.currentByMessage(all);
        var answers = new LinkedHashMap<Message, LlmAnswer<AnswerInsight>>();
        for (QuestionThread thread : threads) {
            for (Message answer : thread.answers()) {
                AnswerAnalysis known = current.get(answer.getId());
                if (known == null || known.result().fallback()) {
                    answers.put(answer, answerAnalyst.analyse(interview.getLocale(), thread.question(), answer.getText()));
                }
            }
        }
        LlmAnswer<InterviewVerdict> verdict = all.isEmpty()
                ? new LlmAnswer<>(InterviewVerdict.unanswered(), InterviewVerdict.UNANSWERED, InterviewVerdict.UNANSWERED)
                : interviewAnalyst.judge(interview.getLocale(), threads);
        AnalysisView stored = analyses.recordReanalysis(interviewId, answers, verdict);
        events.publishEvent(new Done(interviewId));
        return stored;
    }
}
