package org.exitbot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.exitbot.system.FieldError;
import org.junit.jupiter.api.Test;

/** What HR must record in the review, whether it comes from Tasklist's form or elsewhere. */
class ReviewOutcomeTest {

    @Test
    void aCompleteReviewHasNoProblemsAndReadsTheFormsText() {
        var outcome = ReviewOutcome.from(Map.of("departureType", "voluntary", "regrettable", "true",
                "rehireEligible", "conditional", "actions", "  Benchmark salaries. ", "notes", " "));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.regrettable()).isTrue();
        assertThat(outcome.actions()).isEqualTo("Benchmark salaries.");
        assertThat(outcome.notes()).as("blank is no note").isNull();
    }

    @Test
    void theThreeDecisionsAreRequired() {
        assertThat(ReviewOutcome.from(Map.of()).problems()).extracting(FieldError::field)
                .containsExactly("departureType", "regrettable", "rehireEligible");
    }

    @Test
    void onlyTheOfferedChoicesAreAccepted() {
        var outcome = ReviewOutcome.from(Map.of("departureType", "fired", "regrettable", false, "rehireEligible",
                "maybe"));
        assertThat(outcome.problems()).extracting(FieldError::field).containsExactly("departureType", "rehireEligible");
    }

    @Test
    void notesAndActionsHaveALimit() {
        String tooLong = "x".repeat(10_001);
        var outcome = ReviewOutcome.from(Map.of("departureType", "involuntary", "regrettable", false,
                "rehireEligible", "no", "actions", tooLong, "notes", tooLong));
        assertThat(outcome.problems()).extracting(FieldError::field).containsExactly("actions", "notes");
    }
}
