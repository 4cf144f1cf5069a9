package org.exitbot.hr;

import java.util.UUID;
import java.util.function.UnaryOperator;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.Transcripts;
import org.exitbot.interview.Visibility;
import org.exitbot.privacy.HrView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One interview as HR reads it: an anonymous one without who it was with, and its free text redacted. */
@Service
public class InterviewDetailsService {

    private final InterviewService interviews;
    private final Transcripts transcripts;
    private final AnalysisService analyses;

    InterviewDetailsService(InterviewService interviews, Transcripts transcripts, AnalysisService analyses) {
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.analyses = analyses;
    }

    /** @throws org.exitbot.system.NotFoundException when there is no such interview */
    @Transactional(readOnly = true)
    public InterviewDetails details(UUID id) {
        Interview interview = interviews.get(id);
        UnaryOperator<String> shownToHr = HrView.of(interview);
        InterviewView view = interviews.view(interview);
        return new InterviewDetails(interview.getVisibility() == Visibility.ANONYMOUS ? view.withoutIdentity() : view,
                transcripts.messages(id).stream().map(m -> InterviewDetails.TranscriptLine.of(m, shownToHr)).toList(),
                analyses.current(id).map(analysis -> analysis.redacted(shownToHr)).orElse(null),
                interviews.review(id).map(review -> InterviewDetails.ReviewView.of(review, shownToHr)).orElse(null));
    }
}
