package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.analysis.Sentiment;
import org.exitbot.interview.InterviewStatus;
import org.junit.jupiter.api.Test;

/** What the review form tells HR before they trust an interview. */
class ReviewFormTest {

    @Test
    void aCompletedInterviewAnalysedByTheLlmHasOnlyTheAnalysisOwnFlags() {
        assertThat(ReviewForm.flags(InterviewStatus.COMPLETED, false, 0, 0, analysis(false, List.of("Summary check: x"))))
                .containsExactly("Summary check: x");
    }

    @Test
    void fallbacksAndAnEarlyEndAreFlagged() {
        assertThat(ReviewForm.flags(InterviewStatus.EXPIRED, true, 3, 0, analysis(true, List.of())))
                .containsExactly("LLM fallback used during the interview: after the failure the follow-ups were scripted (3 asked), marked [scripted] in the transcript",
                        "LLM fallback used for the analysis: re-run it once the LLM is back", "Interview incomplete",
                        "Interview expired before the employee finished");
        assertThat(ReviewForm.flags(InterviewStatus.STOPPED, false, 0, 0, null)).containsExactly("Interview incomplete");
    }

    @Test
    void turnsWhoseBudgetRanOutAreFlaggedNotFailed() {
        assertThat(ReviewForm.flags(InterviewStatus.COMPLETED, false, 0, 2, analysis(false, List.of())))
                .containsExactly("The LLM was too slow for a follow-up 2 times: the interview moved on without one");
    }

    @Test
    void theSentimentShowsItsScoreWhenThereIsOne() {
        assertThat(ReviewForm.sentiment(analysis(false, List.of()))).isEqualTo("negative (-0.40)");
        assertThat(ReviewForm.sentiment(new AnalysisView(Sentiment.UNKNOWN, null, "", null, List.of(), List.of(),
                "fallback", "v2", true, Instant.now(), List.of()))).isEqualTo("unknown");
    }

    private static AnalysisView analysis(boolean fallback, List<String> flags) {
        return new AnalysisView(Sentiment.NEGATIVE, -0.4, "Pay.", null, List.of(), flags, "model", "v2", fallback,
                Instant.now(), List.of());
    }
}
