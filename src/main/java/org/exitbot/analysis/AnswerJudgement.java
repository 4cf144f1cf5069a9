package org.exitbot.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The LLM's answer to prompt {@code answer-analysis}: the sentiment and themes of one reply. */
public record AnswerJudgement(
        @NotNull Sentiment sentiment,
        @NotNull @DecimalMin("-1.0") @DecimalMax("1.0") Double score,
        @NotNull List<@Valid ThemeEvidence> themes) {

    @JsonIgnore
    @AssertTrue(message = "must not be unknown")
    public boolean isSentimentKnown() {
        return sentiment != Sentiment.UNKNOWN;
    }
}
