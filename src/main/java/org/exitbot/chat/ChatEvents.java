package org.exitbot.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams of the chat pages open on this node ({@link ChatEventSources} fills them, with
 * the other nodes' events too where they share PostgreSQL). Pages that lose the stream fall back to polling.
 * <p>
 * A {@code state} event, and the {@code ready} event that opens a stream, carry the conversation's state as the
 * page's link reads it, so the page need not fetch it. States are read on {@value #STATE_THREADS} threads of their
 * own, one interview at a time: changes that come while its state is read are read once more after, together,
 * so a page sees its states in order and a busy interview costs one read per round, not one per change. A state
 * that cannot be read is sent empty ({@code {}}) and the page fetches it, getting the error a link now has.
 */
@Component
class ChatEvents {

    static final Duration TIMEOUT = Duration.ofMinutes(10);
    /**
     * How soon a page whose stream broke (its node died, the proxy cut it) connects again, through the load balancer
     * to a live node: browsers wait about 3 s unless told. Once a second stays well under the per-link rate limit
     * while a node is down; the {@code ready} event's state covers what changed meanwhile.
     */
    static final Duration RECONNECT = Duration.ofSeconds(1);
    static final int STATE_THREADS = 2;
    static final String READY = "ready";

    private static final Logger log = LoggerFactory.getLogger(ChatEvents.class);

    private final ChatService chat;
    private final Map<UUID, Set<Page>> pages = new ConcurrentHashMap<>();
    /** Interviews whose state is to be sent: true while a change waits, false while its state is being read. */
    private final Map<UUID, Boolean> changed = new ConcurrentHashMap<>();
    private final ExecutorService states = Executors.newFixedThreadPool(STATE_THREADS, stateThreads());

    ChatEvents(ChatService chat) {
        this.chat = chat;
    }

    /** An open page: its stream, the link it was opened with, and whether it has had its {@code ready} event. */
    private record Page(SseEmitter emitter, String token, AtomicBoolean ready) {
    }

    /** Opens a stream for a page of a link {@link ChatService#open(String)} has let through. */
    SseEmitter subscribe(UUID interviewId, String token) {
        var page = new Page(new SseEmitter(TIMEOUT.toMillis()), token, new AtomicBoolean());
        pages.computeIfAbsent(interviewId, id -> ConcurrentHashMap.newKeySet()).add(page);
        Runnable remove = () -> pages.computeIfPresent(interviewId, (id, set) -> {
            set.remove(page);
            return set.isEmpty() ? null : set;
        });
        page.emitter().onCompletion(remove);
        page.emitter().onTimeout(remove);
        page.emitter().onError(error -> remove.run());
        stateChanged(interviewId);
        return page.emitter();
    }

    void deliver(ChatEvent event) {
        if (event.isDraft()) {
            pages.getOrDefault(event.interviewId(), Set.of()).forEach(page -> send(page.emitter(), event.toDraftSse()));
        } else {
            stateChanged(event.interviewId());
        }
    }

    /** Every open page gets its state again: for when events may have been missed. */
    void refreshAll() {
        pages.keySet().forEach(this::stateChanged);
    }

    /** Ends every open stream first thing on shutdown, so the graceful shutdown does not wait for open pages. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        states.shutdownNow();
        pages.values().forEach(open -> open.forEach(page -> page.emitter().complete()));
        pages.clear();
    }

    int listeners(UUID interviewId) {
        return pages.getOrDefault(interviewId, Set.of()).size();
    }

    private void stateChanged(UUID interviewId) {
        if (changed.put(interviewId, Boolean.TRUE) != null) {
            return;
        }
        try {
            states.execute(() -> sendStates(interviewId));
        } catch (RejectedExecutionException shuttingDown) {
            changed.remove(interviewId);
        }
    }

    private void sendStates(UUID interviewId) {
        try {
            do {
                changed.put(interviewId, Boolean.FALSE);
                Map<String, Object> byLink = new HashMap<>();
                for (Page page : pages.getOrDefault(interviewId, Set.of())) {
                    Object state = byLink.computeIfAbsent(page.token(), this::stateOrEmpty);
                    boolean first = page.ready().compareAndSet(false, true);
                    var event = SseEmitter.event().name(first ? READY : ChatEvent.STATE)
                            .data(state, MediaType.APPLICATION_JSON);
                    send(page.emitter(), first ? event.reconnectTime(RECONNECT.toMillis()) : event);
                }
            } while (!changed.remove(interviewId, Boolean.FALSE));
        } catch (RuntimeException failure) {
            changed.remove(interviewId);
            log.warn("The chat pages of an interview missed a state; they poll for it", failure);
        }
    }

    private static ThreadFactory stateThreads() {
        var threads = new CustomizableThreadFactory("chat-states-");
        threads.setDaemon(true);
        return threads;
    }

    private Object stateOrEmpty(String token) {
        try {
            return chat.state(token);
        } catch (RuntimeException unreadable) {
            log.debug("A chat page's state is sent empty, for the page to fetch: {}", unreadable.toString());
            return Map.of();
        }
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
