package org.exitbot.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams of the chat pages open on this node ({@link ChatEventSources} fills them, with
 * the other nodes' events too where they share PostgreSQL). Pages that lose the stream fall back to polling.
 */
@Component
class ChatEvents {

    static final Duration TIMEOUT = Duration.ofMinutes(10);
    /**
     * How soon a page whose stream broke (its node died, the proxy cut it) connects again, through the load balancer
     * to a live node: browsers wait about 3 s unless told, and follow-ups committed meanwhile miss their event. Once
     * a second stays well under the per-link rate limit while a node is down.
     */
    static final Duration RECONNECT = Duration.ofSeconds(1);

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
        send(emitter, SseEmitter.event().name("ready").reconnectTime(RECONNECT.toMillis())
                .data("{}", MediaType.APPLICATION_JSON));
        return emitter;
    }

    void deliver(ChatEvent event) {
        pages.getOrDefault(event.interviewId(), Set.of()).forEach(emitter -> send(emitter, event.toSse()));
    }

    /** Every open page fetches its conversation again: for when events may have been missed. */
    void refreshAll() {
        pages.keySet().forEach(interviewId -> deliver(ChatEvent.state(interviewId)));
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

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
