package org.exitbot.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param model          the Ollama model every call uses and every result records
 * @param keepAlive      how long Ollama keeps the model loaded after a call
 * @param temperature    low, so decisions and analyses are stable
 * @param availabilityCheckTimeout how long the start-up check waits for Ollama
 * @param streamTimeout  the longest a streamed answer may take as a whole
 */
@ConfigurationProperties("exitbot.llm")
public record LlmProperties(
        @DefaultValue("llama3.1:8b") String model,
        @DefaultValue("10m") String keepAlive,
        @DefaultValue("0.2") double temperature,
        @DefaultValue("3s") Duration availabilityCheckTimeout,
        @DefaultValue("120s") Duration streamTimeout) {
}
