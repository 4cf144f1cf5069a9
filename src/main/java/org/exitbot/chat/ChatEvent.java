package org.exitbot.chat;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An event for the open chat pages of one interview: {@code draft} with the follow-up's text so far, or
 * {@code state} once a change has committed; {@link ChatEvents} sends each page the state its link reads then.
 */
record ChatEvent(UUID interviewId, String name, String text) {

    static final String DRAFT = "draft";
    static final String STATE = "state";

    static ChatEvent draft(UUID interviewId, String textSoFar) {
        return new ChatEvent(interviewId, DRAFT, textSoFar);
    }

    static ChatEvent state(UUID interviewId) {
        return new ChatEvent(interviewId, STATE, null);
    }

    boolean isDraft() {
        return DRAFT.equals(name);
    }

    SseEmitter.SseEventBuilder toDraftSse() {
        return SseEmitter.event().name(DRAFT).data(Map.of("text", text), MediaType.APPLICATION_JSON);
    }
}
