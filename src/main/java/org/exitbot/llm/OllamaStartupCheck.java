package org.exitbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up, in the log, whether Ollama answers and has the model; never blocks the start. */
@Component
class OllamaStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(OllamaStartupCheck.class);

    private final URI baseUrl;
    private final LlmProperties properties;
    private final ObjectMapper objectMapper;

    OllamaStartupCheck(@Value("${spring.ai.ollama.base-url}") URI baseUrl, LlmProperties properties,
            ObjectMapper objectMapper) {
        this.baseUrl = baseUrl;
        this.properties = properties;
        this.objectMapper = objectMapper;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        Thread thread = new Thread(this::report, "ollama-check");
        thread.setDaemon(true);
        thread.start();
    }

    private void report() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.availabilityCheckTimeout()).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(baseUrl.resolve("/api/tags"))
                    .timeout(properties.availabilityCheckTimeout()).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode models = objectMapper.readTree(response.body()).path("models");
            boolean present = false;
            for (JsonNode model : models) {
                present |= properties.model().equals(model.path("name").asText())
                        || properties.model().equals(model.path("model").asText());
            }
            if (present) {
                log.info("Ollama at {} answers and has the model {}", baseUrl, properties.model());
            } else {
                log.warn("Ollama at {} answers but lacks the model {}: run `ollama pull {}`. Until then interviews "
                        + "go on with the question sets' scripted follow-ups and analyses use the fallback, flagged as "
                        + "such.",
                        baseUrl, properties.model(), properties.model());
            }
        } catch (Exception e) {
            log.warn("Ollama does not answer at {} ({}). Interviews go on with the question sets' scripted "
                    + "follow-ups, and analyses use the fallback, flagged as such, until it does.",
                    baseUrl, e.getClass().getSimpleName());
        }
    }
}
