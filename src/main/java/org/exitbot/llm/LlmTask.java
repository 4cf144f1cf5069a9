package org.exitbot.llm;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One external task an {@link LlmTopic} works on: its id, when the engine created it (when the work began to
 * wait), and the process variables the topic asked for.
 */
public record LlmTask(String id, String topic, Instant createdAt, Map<String, Object> variables) {

    public UUID uuid(String name) {
        return UUID.fromString((String) variables.get(name));
    }

    public int integer(String name) {
        Object value = variables.get(name);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
