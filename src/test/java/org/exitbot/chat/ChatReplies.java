package org.exitbot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** An answer's body as the chat page sends it: the text and the question or follow-up the page shows as asked. */
public final class ChatReplies {

    public static Map<String, Object> answer(TestRestTemplate http, String token, String text) {
        return answer(http.getForObject("/api/chat/" + token, JsonNode.class), text);
    }

    /** @param state the chat state the page shows */
    public static Map<String, Object> answer(JsonNode state, String text) {
        return Map.of("text", text, "inReplyTo", state.at("/awaiting/messageId").asLong());
    }

    private ChatReplies() {
    }
}
