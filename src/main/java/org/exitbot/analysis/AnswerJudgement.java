package org.exitbot.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * One reply's part of the LLM's answer to prompt {@code analysis}: its sentiment and themes, under the label the
 * transcript gave the reply ({@code A1}, {@code A2}...).
 */
public record AnswerJudgement(
        @NotBlank String reply,
        @NotNull Sentiment sentiment,
        @NotNull @DecimalMin("-1.0") @DecimalMax("1.0") Double score,
        @NotNull List<@Valid ThemeEvidence> themes) {

    @JsonIgnore
    @AssertTrue(message = "must not be unknown")
    public boolean isSentimentKnown() {
        return sentiment != Sentiment.UNKNOWN;
    }
}
