package org.exitbot.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency  LLM calls this node makes at once, as Ollama's {@code OLLAMA_NUM_PARALLEL}; 0 serves no
 *                     topic on this node
 * @param lock         how long a fetched task stays locked; extended while the call runs, so a dead node's task is
 *                     free again this long after it died
 * @param pollInterval how often an idle slot looks for work another node created (this node's own wakes it at once)
 */
@ConfigurationProperties("exitbot.llm.worker")
public record LlmWorkerProperties(
        @DefaultValue("1") int concurrency,
        @DefaultValue("30s") Duration lock,
        @DefaultValue("1s") Duration pollInterval) {

    public LlmWorkerProperties {
        if (concurrency < 0) {
            throw new IllegalArgumentException("exitbot.llm.worker.concurrency must not be negative");
        }
        if (lock.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("exitbot.llm.worker.lock must be at least 2 s");
        }
    }
}
