package org.exitbot.conversation;

/**
 * What the follow-up step found for one reply: a question to ask, none, or none because the LLM had not started
 * to answer within the turn's budget. Without the LLM the question is one of the question set's scripted ones,
 * and moving on is said with a scripted acknowledgement.
 */
record FollowUpDecision(String followUp, boolean outOfTime, boolean scripted, String acknowledgement) {

    static FollowUpDecision ask(String followUp) {
        return new FollowUpDecision(followUp, false, false, null);
    }

    static FollowUpDecision none() {
        return new FollowUpDecision(null, false, false, null);
    }

    static FollowUpDecision outOfTimeDecision() {
        return new FollowUpDecision(null, true, false, null);
    }

    static FollowUpDecision askScripted(String followUp) {
        return new FollowUpDecision(followUp, false, true, null);
    }

    static FollowUpDecision acknowledge(String acknowledgement) {
        return new FollowUpDecision(null, false, true, acknowledgement);
    }
}
