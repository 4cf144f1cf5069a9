package org.exitbot.chat;

import org.exitbot.conversation.FollowUpDraft;
import org.exitbot.interview.ConversationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns what the conversation publishes into chat page events: a follow-up's drafts as it streams, and the state
 * once a change has committed. Each goes to the pages open on this node at once, and through the relay to the
 * pages open on the other nodes.
 */
@Component
class ChatEventSources {

    private final ChatEvents pages;
    private final ChatEventRelay relay;

    ChatEventSources(ChatEvents pages, ChatEventRelay relay) {
        this.pages = pages;
        this.relay = relay;
    }

    @EventListener
    void draft(FollowUpDraft draft) {
        publish(ChatEvent.draft(draft.interviewId(), draft.textSoFar()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(ConversationChanged change) {
        publish(ChatEvent.state(change.interviewId()));
    }

    private void publish(ChatEvent event) {
        pages.deliver(event);
        relay.send(event);
    }
}
