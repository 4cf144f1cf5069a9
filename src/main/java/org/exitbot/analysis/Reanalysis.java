package org.exitbot.analysis;

import java.time.Instant;
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
 * Analyses a finished interview with the LLM, the first time or again, in one call: the whole interview, and the
 * answers the fallback analysed (or nobody did) one by one. The call comes first and outside any transaction
 * ({@link #judge}); only when it succeeded are the results stored, together ({@link #store}), so a failure changes
 * nothing.
 */
@Service
public class Reanalysis {

    /** Published after a re-analysis is stored, so views of the interview (e.g. an open review task) refresh. */
    public record Done(UUID interviewId) {
    }

    /**
     * What the LLM found about one interview, not stored yet.
     *
     * @param leftOut the answers it was asked to judge and did not: the fallback analyses those not analysed yet
     */
    public record Findings(UUID interviewId, Map<Message, LlmAnswer<AnswerInsight>> answers, List<Message> leftOut,
            LlmAnswer<InterviewVerdict> verdict) {
    }

    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final AnalysisService analyses;
    private final InterviewAnalyst interviewAnalyst;
    private final ApplicationEventPublisher events;

    Reanalysis(InterviewRepository interviews, Transcripts transcripts, AnalysisService analyses,
            InterviewAnalyst interviewAnalyst, ApplicationEventPublisher events) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.analyses = analyses;
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
        if (all.isEmpty()) {
            return new Findings(interviewId, Map.of(), List.of(), new LlmAnswer<>(InterviewVerdict.unanswered(),
                    InterviewVerdict.UNANSWERED, InterviewVerdict.UNANSWERED));
        }
        Map<Long, AnswerAnalysis> current = analyses.currentByMessage(all);
        List<Message> unjudged = all.stream().filter(answer -> {
            AnswerAnalysis known = current.get(answer.getId());
            return known == null || known.result().fallback();
        }).toList();
        InterviewAnalyst.Judged judged = interviewAnalyst.judge(interview.getLocale(), threads, unjudged, answeredBy);
        List<Message> leftOut = unjudged.stream().filter(answer -> !judged.answers().containsKey(answer)).toList();
        return new Findings(interviewId, judged.answers(), leftOut, judged.verdict());
    }

    /** Stores what {@link #judge} found, all or nothing. */
    public AnalysisView store(Findings findings) {
        AnalysisView stored = analyses.recordReanalysis(findings.interviewId(), findings.answers(),
                findings.leftOut(), findings.verdict());
        events.publishEvent(new Done(findings.interviewId()));
        return stored;
    }
}
