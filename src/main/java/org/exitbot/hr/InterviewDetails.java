package org.exitbot.hr;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.MessageRole;
import org.exitbot.interview.Review;

/**
 * {@code GET /api/interviews/{id}}: the interview with its transcript, analysis and review; of an anonymous one only
 * the funnel, with no transcript, analysis or review.
 */
public record InterviewDetails(@JsonUnwrapped InterviewView interview, List<TranscriptLine> transcript,
        AnalysisView analysis, ReviewView review) {

    public record TranscriptLine(Long id, MessageRole role, MessageKind kind, Integer questionNumber, String text,
            String recordedBy, Instant at) {

        static TranscriptLine of(Message message) {
            return new TranscriptLine(message.getId(), message.getRole(), message.getKind(),
                    message.getQuestionNumber(), message.getText(), message.getRecordedBy(), message.getCreatedAt());
        }
    }

    public record ReviewView(String reviewer, String departureType, boolean regrettable, String rehireEligible,
            String actions, String notes, Instant reviewedAt) {

        static ReviewView of(Review review) {
            return new ReviewView(review.getReviewer(), review.getDepartureType(), review.isRegrettable(),
                    review.getRehireEligible(), review.getActions(), review.getNotes(), review.getReviewedAt());
        }
    }
}
