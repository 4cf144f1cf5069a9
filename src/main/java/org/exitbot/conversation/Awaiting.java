package org.exitbot.conversation;

/**
 * What the process waits for from the employee.
 *
 * @param kind           {@code question} or {@code follow_up} at the answer task, {@code review} once every
 *                       question is answered and the employee may read and correct their answers, {@code summary}
 *                       once they did and check the summary HR will read
 * @param questionNumber the question being answered; 0 while reviewing
 * @param promptId       the bot's message (question or follow-up) an answer or a skip replies to; null while reviewing
 */
public record Awaiting(String kind, int questionNumber, Long promptId) {

    public static final String REVIEW = "review";
    public static final String SUMMARY = "summary";

    public boolean isAfterLastQuestion() {
        return REVIEW.equals(kind) || SUMMARY.equals(kind);
    }
}
