package org.exitbot.chat;

/** Carries chat page events to the other nodes of a deployment, which deliver them to the pages open there. */
interface ChatEventRelay {

    /** The embedded database has one node only: there is nobody to tell. */
    ChatEventRelay THIS_NODE_ONLY = event -> {
    };

    void send(ChatEvent event);
}
