package org.exitbot.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.ThemeEvidence;

/** The LLM's answer to prompt {@code follow-up}: whether to ask more, and the analysis of the reply. */
public record FollowUpAdvice(
        boolean askFollowUp,
        @Size(max = 600) String followUp,
        @NotNull Sentiment sentiment,
        @NotNull @DecimalMin("-1.0") @DecimalMax("1.0") Double score,
        @NotNull List<@Valid ThemeEvidence> themes) {

    @JsonIgnore
    @AssertTrue(message = "must not be unknown")
    public boolean isSentimentKnown() {
        return sentiment != Sentiment.UNKNOWN;
    }
}
