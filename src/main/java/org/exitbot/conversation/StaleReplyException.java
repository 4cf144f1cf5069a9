package org.exitbot.conversation;

import org.exitbot.system.ConflictException;

/** A reply to a question or follow-up that is no longer the one asked: a stale page, another tab ahead of it. */
public class StaleReplyException extends ConflictException {

    StaleReplyException(boolean somethingAsked) {
        super("Conversation moved on", somethingAsked
                ? "This question was already answered, from another window or tab. Nothing was saved; here is where "
                        + "the conversation is now."
                : "This question was already answered, from another window or tab, and ExitBot is working on the "
                        + "next step. Nothing was saved; here is where the conversation is now.");
    }
}
