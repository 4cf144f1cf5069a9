package org.exitbot.analysis;

import java.util.List;

/**
 * An interview's analysis as stored: by the LLM, checked, or by the fallback.
 *
 * @param flags      what HR must know before trusting it, e.g. summary statements the employee's words do not back
 * @param statements the summary's sentences one by one, as the employee reads, corrects or removes them
 */
public record InterviewVerdict(Sentiment sentiment, Double score, String summary, Theme mainReason,
        List<ThemeEvidence> themes, List<String> flags, List<String> statements) {

    public static final int MAX_SUMMARY_WORDS = 120;

    /** The verdict on an interview without a single answer: nothing to analyse, so no model is asked. */
    static final String UNANSWERED = "none";

    static InterviewVerdict unanswered() {
        String nothing = "The employee did not answer any question.";
        return new InterviewVerdict(Sentiment.UNKNOWN, null, nothing, null, List.of(), List.of(), List.of(nothing));
    }
}
