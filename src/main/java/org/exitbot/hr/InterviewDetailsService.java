package org.exitbot.hr;

import java.util.List;
import java.util.UUID;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.analysis.PastAnalysis;
import org.exitbot.analysis.Reanalysis;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.Transcripts;
import org.exitbot.privacy.HrView;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.system.ConflictException;
import org.exitbot.system.UnavailableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One interview as HR reads it (see {@link HrView}): a named one whole, an anonymous one only as far as the
 * funnel goes, with none of its words, analyses or review.
 */
@Service
public class InterviewDetailsService {

    private final InterviewService interviews;
    private final Transcripts transcripts;
    private final AnalysisService analyses;
    private final Reanalysis reanalysis;

    InterviewDetailsService(InterviewService interviews, Transcripts transcripts, AnalysisService analyses,
            Reanalysis reanalysis) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.analyses = analyses;
        this.reanalysis = reanalysis;
    }

    /** @throws org.exitbot.system.NotFoundException when there is no such interview */
    @Transactional(readOnly = true)
    public InterviewDetails details(UUID id) {
        Interview interview = interviews.get(id);
        InterviewView view = interviews.view(interview);
        if (!HrView.showsWords(interview)) {
            return new InterviewDetails(view.funnelOnly(), List.of(), null, null);
        }
        return new InterviewDetails(view,
                transcripts.messages(id).stream().map(InterviewDetails.TranscriptLine::of).toList(),
                analyses.current(id).orElse(null),
                interviews.review(id).map(InterviewDetails.ReviewView::of).orElse(null));
    }

    /** Every analysis of the interview, newest first; none of an anonymous one. */
    @Transactional(readOnly = true)
    public List<PastAnalysis> analyses(UUID id) {
        return HrView.showsWords(interviews.get(id)) ? analyses.history(id) : List.of();
    }

    /**
     * Analyses a named interview again (see {@link Reanalysis#reanalyse}).
     *
     * @throws ConflictException for an anonymous interview, whose words HR does not see one by one
     * @throws UnavailableException while the LLM is unavailable; nothing changes then
     */
    public AnalysisView reanalyse(UUID id) {
        if (!HrView.showsWords(interviews.get(id))) {
            throw new ConflictException("Interview anonymous", "Interview " + id
                    + " is anonymous: its words are analysed once, for the reports, and never shown one by one");
        }
        try {
            return reanalysis.reanalyse(id);
        } catch (LlmUnavailableException e) {
            throw new UnavailableException("LLM unavailable",
                    "The LLM gave no usable answer, so the analysis is unchanged. Try again once it is back.");
        }
    }
}
