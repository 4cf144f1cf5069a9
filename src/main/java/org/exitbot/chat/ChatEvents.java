package org.exitbot.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.exitbot.conversation.FollowUpDraft;
import org.exitbot.interview.ConversationChanged;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for open chat pages: {@code draft} while a follow-up streams from the LLM, {@code state}
 * once a change to the conversation has committed. Pages that lose the stream fall back to polling.
 */
@Component
class ChatEvents {

    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Map<UUID, Set<SseEmitter>> pages = new ConcurrentHashMap<>();

    SseEmitter subscribe(UUID interviewId) {
        var emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> listeners = pages.computeIfAbsent(interviewId, id -> ConcurrentHashMap.newKeySet());
        listeners.add(emitter);
        Runnable remove = () -> pages.computeIfPresent(interviewId, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        send(emitter, SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        return emitter;
    }

    @EventListener
    void draft(FollowUpDraft draft) {
        broadcast(draft.interviewId(), SseEmitter.event().name("draft")
                .data(Map.of("text", draft.textSoFar()), MediaType.APPLICATION_JSON));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(ConversationChanged change) {
        broadcast(change.interviewId(), SseEmitter.event().name("state").data("{}", MediaType.APPLICATION_JSON));
    }

    /** Ends every open stream first thing on shutdown, so the graceful shutdown does not wait for open pages. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        pages.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        pages.clear();
    }

    int listeners(UUID interviewId) {
        return pages.getOrDefault(interviewId, Set.of()).size();
    }

    private void broadcast(UUID interviewId, SseEmitter.SseEventBuilder event) {
        pages.getOrDefault(interviewId, Set.of()).forEach(emitter -> send(emitter, event));
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
