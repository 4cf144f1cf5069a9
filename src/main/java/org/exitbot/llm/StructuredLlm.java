package org.exitbot.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.stereotype.Component;

/**
 * Asks Ollama for JSON constrained by the prompt's schema (Ollama's {@code format}), then parses and validates
 * it. Malformed output is asked for once more; everything else that goes wrong becomes
 * {@link LlmUnavailableException}, so callers handle one failure.
 */
@Component
public class StructuredLlm {

    private static final Logger log = LoggerFactory.getLogger(StructuredLlm.class);
    static final int ATTEMPTS_FOR_MALFORMED_OUTPUT = 2;

    private final ChatClient chatClient;
    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final LlmProperties properties;
    private final LlmTraffic traffic;

    public StructuredLlm(ChatClient.Builder chatClientBuilder, ObjectMapper objectMapper, Validator validator,
            LlmProperties properties, LlmTraffic traffic) {
        this.chatClient = chatClientBuilder.build();
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.properties = properties;
        this.traffic = traffic;
    }

    public <T> LlmAnswer<T> ask(PromptTemplate prompt, Map<String, ?> values, Class<T> type) {
        return ask(prompt, values, type, request -> request.call().content());
    }

    /**
     * Like {@link #ask} but streams: {@code progress} receives the answer's text so far after every chunk Ollama
     * sends, so a caller can show what the model writes while it writes it.
     */
    public <T> LlmAnswer<T> askStreaming(PromptTemplate prompt, Map<String, ?> values, Class<T> type,
            Consumer<String> progress) {
        return ask(prompt, values, type, request -> {
            var soFar = new StringBuilder();
            request.stream().content()
                    .doOnNext(chunk -> progress.accept(soFar.append(chunk).toString()))
                    .blockLast(properties.streamTimeout());
            return soFar.toString();
        });
    }

    private <T> LlmAnswer<T> ask(PromptTemplate prompt, Map<String, ?> values, Class<T> type,
            Function<ChatClient.ChatClientRequestSpec, String> fetch) {
        var options = OllamaChatOptions.builder()
                .model(properties.model())
                .format(prompt.schema())
                .keepAlive(properties.keepAlive())
                .temperature(properties.temperature())
                .build();
        List<Message> messages = List.of(
                new SystemMessage(prompt.renderSystem(values)),
                new UserMessage(prompt.renderUser(values)));
        String problem = "";
        for (int attempt = 1; attempt <= ATTEMPTS_FOR_MALFORMED_OUTPUT; attempt++) {
            String content;
            try (var call = traffic.enter()) {
                content = fetch.apply(chatClient.prompt().messages(messages).options(options));
            } catch (RuntimeException e) {
                throw new LlmUnavailableException("The LLM did not answer " + prompt.id() + ": " + e.getMessage(), e);
            }
            try {
                T value = objectMapper.readValue(content == null ? "" : content, type);
                problem = violations(value);
                if (problem.isEmpty()) {
                    return new LlmAnswer<>(value, properties.model(), prompt.id());
                }
            } catch (Exception e) {
                problem = e.getMessage();
            }
            log.warn("Malformed LLM output for {} (attempt {}): {}", prompt.id(), attempt, problem);
        }
        throw new LlmUnavailableException("The LLM gave malformed output for " + prompt.id() + ": " + problem, null);
    }

    private <T> String violations(T value) {
        if (value == null) {
            return "no JSON value";
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        return violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
    }
}
