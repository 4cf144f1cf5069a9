package org.exitbot.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The LLM's answer to prompt {@code analysis}: the interview as a whole, its summary as statements with evidence,
 * and the replies the transcript labelled one by one ({@code answers}; none when the model left it out).
 */
public record InterviewJudgement(
        @NotNull Sentiment sentiment,
        @NotNull @DecimalMin("-1.0") @DecimalMax("1.0") Double score,
        Theme mainReason,
        @NotNull List<@Valid ThemeEvidence> themes,
        List<@Valid AnswerJudgement> answers,
        @NotEmpty @Size(max = 12) List<@Valid Statement> summary) {

    /** Leaves room in {@link InterviewVerdict#MAX_SUMMARY_WORDS} for the note on skipped questions and stops. */
    public static final int MAX_SUMMARY_WORDS = 100;

    /** One sentence of the summary and the employee's words that back it. */
    public record Statement(@NotBlank @Size(max = 600) String statement, @NotBlank @Size(max = 1000) String evidence) {
    }

    @JsonIgnore
    @AssertTrue(message = "must be at most " + MAX_SUMMARY_WORDS + " words")
    public boolean isSummaryShort() {
        return summary == null || summary.stream()
                .filter(s -> s != null && s.statement() != null)
                .mapToInt(s -> Words.count(s.statement()))
                .sum() <= MAX_SUMMARY_WORDS;
    }

    @JsonIgnore
    @AssertTrue(message = "must not be unknown")
    public boolean isSentimentKnown() {
        return sentiment != Sentiment.UNKNOWN;
    }
}
