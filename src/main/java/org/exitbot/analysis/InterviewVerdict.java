package org.exitbot.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The LLM's answer to prompt {@code analysis}: the interview as a whole. */
public record InterviewVerdict(
        @NotNull Sentiment sentiment,
        @NotNull @DecimalMin("-1.0") @DecimalMax("1.0") Double score,
        @NotBlank String summary,
        Theme mainReason,
        @NotNull List<@Valid ThemeEvidence> themes) {

    public static final int MAX_SUMMARY_WORDS = 120;

    @JsonIgnore
    @AssertTrue(message = "must be at most " + MAX_SUMMARY_WORDS + " words")
    public boolean isSummaryShort() {
        return summary == null || summary.strip().split("\\s+").length <= MAX_SUMMARY_WORDS;
    }

    @JsonIgnore
    @AssertTrue(message = "must not be unknown")
    public boolean isSentimentKnown() {
        return sentiment != Sentiment.UNKNOWN;
    }
}
