package org.exitbot.hr;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.MessageRole;
import org.exitbot.interview.Review;

/** {@code GET /api/interviews/{id}}: the interview with its transcript, analysis and review. */
public record InterviewDetails(@JsonUnwrapped InterviewView interview, List<TranscriptLine> transcript,
        AnalysisView analysis, ReviewView review) {

    public record TranscriptLine(Long id, MessageRole role, MessageKind kind, Integer questionNumber, String text,
            String recordedBy, Instant at) {

        static TranscriptLine of(Message message, UnaryOperator<String> shownToHr) {
            return new TranscriptLine(message.getId(), message.getRole(), message.getKind(),
                    message.getQuestionNumber(), shownToHr.apply(message.getText()), message.getRecordedBy(),
                    message.getCreatedAt());
        }
    }

    public record ReviewView(String reviewer, String departureType, boolean regrettable, String rehireEligible,
            String actions, String notes, Instant reviewedAt) {

        static ReviewView of(Review review, UnaryOperator<String> shownToHr) {
            return new ReviewView(review.getReviewer(), review.getDepartureType(), review.isRegrettable(),
                    review.getRehireEligible(), review.getActions() == null ? null : shownToHr.apply(review.getActions()),
                    review.getNotes() == null ? null : shownToHr.apply(review.getNotes()), review.getReviewedAt());
        }
    }
}
