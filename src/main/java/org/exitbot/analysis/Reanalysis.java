package org.exitbot.analysis;

import java.time.Instant;
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
 * Analyses a finished interview with the LLM, the first time or again: the answers the fallback analysed (or
 * nobody did), then the whole interview. All LLM calls come first and outside any transaction ({@link #judge});
 * only when every one succeeded are the results stored, together ({@link #store}), so a failure changes nothing.
 */
@Service
public class Reanalysis {

    /** Published after a re-analysis is stored, so views of the interview (e.g. an open review task) refresh. */
    public record Done(UUID interviewId) {
    }

    /** What the LLM found about one interview, not stored yet. */
    public record Findings(UUID interviewId, Map<Message, LlmAnswer<AnswerInsight>> answers,
            LlmAnswer<InterviewVerdict> verdict) {
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
        return store(judge(interviewId));
    }

    /**
     * Asks the LLM about the interview, outside any transaction.
     *
     * @throws NotFoundException for an unknown interview
     * @throws ConflictException while the conversation is still open
     * @throws LlmUnavailableException when the LLM fails
     */
    public Findings judge(UUID interviewId) {
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
        return findings(interview, null);
    }

    /**
     * Asks the LLM about the interview while its employee waits, before they finish (so the conversation is still
     * open): every call must have answered by {@code answeredBy}.
     *
     * @throws LlmUnavailableException when the LLM fails, or has not answered in time
     *                                 ({@link org.exitbot.llm.LlmOutOfTimeException})
     */
    public Findings judgeBy(UUID interviewId, Instant answeredBy) {
        return findings(interviews.findById(interviewId).orElseThrow(), answeredBy);
    }

    private Findings findings(Interview interview, Instant answeredBy) {
        UUID interviewId = interview.getId();
        List<QuestionThread> threads = transcripts.threads(interviewId);
        List<Message> all = AnalysisService.answersOf(threads);
        Map<Long, AnswerAnalysis> current = analyses.currentByMessage(all);
        var answers = new LinkedHashMap<Message, LlmAnswer<AnswerInsight>>();
        for (QuestionThread thread : threads) {
            for (Message answer : thread.answers()) {
                AnswerAnalysis known = current.get(answer.getId());
                if (known == null || known.result().fallback()) {
                    answers.put(answer, answerAnalyst.analyse(interview.getLocale(), thread.question(), answer.getText(),
                            answeredBy));
                }
            }
        }
        LlmAnswer<InterviewVerdict> verdict = all.isEmpty()
                ? new LlmAnswer<>(InterviewVerdict.unanswered(), InterviewVerdict.UNANSWERED, InterviewVerdict.UNANSWERED)
                : interviewAnalyst.judge(interview.getLocale(), threads, answeredBy);
        return new Findings(interviewId, answers, verdict);
    }

    /** Stores what {@link #judge} found, all or nothing. */
    public AnalysisView store(Findings findings) {
        AnalysisView stored = analyses.recordReanalysis(findings.interviewId(), findings.answers(), findings.verdict());
        events.publishEvent(new Done(findings.interviewId()));
        return stored;
    }
}
