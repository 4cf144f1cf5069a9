package org.exitbot.conversation;

/**
 * What the follow-up step found for one reply: a question to ask, none, or none because the LLM had not started
 * to answer within the turn's budget.
 */
record FollowUpDecision(String followUp, boolean outOfTime) {

    static FollowUpDecision ask(String followUp) {
        return new FollowUpDecision(followUp, false);
    }

    static FollowUpDecision none() {
        return new FollowUpDecision(null, false);
    }

    static FollowUpDecision outOfTimeDecision() {
        return new FollowUpDecision(null, true);
    }
}
