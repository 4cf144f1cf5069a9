package org.exitbot.chat;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.exitbot.conversation.FollowUpDraft;
import org.exitbot.interview.ConversationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns what the conversation publishes into chat page events: a follow-up's drafts as it streams, and the state
 * once a change has committed, once per transaction and interview however many changes it made. Each goes to the
 * pages open on this node at once, and through the relay to the pages open on the other nodes.
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

    @EventListener
    void changed(ConversationChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(ChatEvent.state(change.interviewId()));
            return;
        }
        TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(StatesAfterCommit.class::isInstance).map(StatesAfterCommit.class::cast).findFirst()
                .orElseGet(() -> {
                    var states = new StatesAfterCommit();
                    TransactionSynchronizationManager.registerSynchronization(states);
                    return states;
                })
                .changed.add(change.interviewId());
    }

    private void publish(ChatEvent event) {
        pages.deliver(event);
        relay.send(event);
    }

    /** The interviews one transaction changed, each told once it has committed. */
    private final class StatesAfterCommit implements TransactionSynchronization {

        private final Set<UUID> changed = new LinkedHashSet<>();

        @Override
        public void afterCommit() {
            changed.forEach(interviewId -> publish(ChatEvent.state(interviewId)));
        }
    }
}
