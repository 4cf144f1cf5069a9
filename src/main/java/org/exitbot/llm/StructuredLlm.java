package org.exitbot.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
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
import reactor.core.publisher.Mono;

/**
 * Asks Ollama for JSON constrained by the prompt's schema (Ollama's {@code format}), then parses and validates
 * it. Malformed output is asked for once more; everything else that goes wrong becomes
 * {@link LlmUnavailableException}, so callers handle one failure. Each call is timed as
 * {@value #CALLS_METRIC} by prompt and outcome; every outcome but {@code answered} is a fallback of its caller.
 */
@Component
public class StructuredLlm {

    private static final Logger log = LoggerFactory.getLogger(StructuredLlm.class);
    static final int ATTEMPTS_FOR_MALFORMED_OUTPUT = 2;
    static final String CALLS_METRIC = "exitbot.llm.calls";

    private final ChatClient chatClient;
    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final LlmProperties properties;
    private final MeterRegistry meters;

    public StructuredLlm(ChatClient.Builder chatClientBuilder, ObjectMapper objectMapper, Validator validator,
            LlmProperties properties, MeterRegistry meters) {
        this.chatClient = chatClientBuilder.build();
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.properties = properties;
        this.meters = meters;
    }

    public <T> LlmAnswer<T> ask(PromptTemplate prompt, Map<String, ?> values, Class<T> type) {
        return ask(prompt, values, type, request -> request.call().content());
    }

    /**
     * Like {@link #ask}, but cancelled (Ollama stops working on it) when the whole answer has not come by
     * {@code answeredBy}, with {@link LlmOutOfTimeException}; for work an employee waits for. Null: no deadline.
     */
    public <T> LlmAnswer<T> ask(PromptTemplate prompt, Map<String, ?> values, Class<T> type, Instant answeredBy) {
        if (answeredBy == null) {
            return ask(prompt, values, type);
        }
        return ask(prompt, values, type, request -> {
            Duration left = Duration.between(Instant.now(), answeredBy);
            if (left.isNegative() || left.isZero()) {
                throw new LlmOutOfTimeException("No time was left for " + prompt.id());
            }
            try {
                return request.stream().content().collect(Collectors.joining()).timeout(left).block();
            } catch (RuntimeException e) {
                if (reactor.core.Exceptions.unwrap(e) instanceof TimeoutException) {
                    throw new LlmOutOfTimeException("The LLM had not answered " + prompt.id() + " by its deadline");
                }
                throw e;
            }
        });
    }

    /**
     * Like {@link #ask} but streams: {@code progress} receives the answer's text so far after every chunk Ollama
     * sends, so a caller can show what the model writes while it writes it. When no chunk has come by
     * {@code firstChunkBy}, the call is cancelled (Ollama stops working on it) and {@link LlmOutOfTimeException}
     * thrown.
     */
    public <T> LlmAnswer<T> askStreaming(PromptTemplate prompt, Map<String, ?> values, Class<T> type,
            Consumer<String> progress, Instant firstChunkBy) {
        return ask(prompt, values, type, request -> {
            Duration left = Duration.between(Instant.now(), firstChunkBy);
            if (left.isNegative() || left.isZero()) {
                throw new LlmOutOfTimeException("No time was left for " + prompt.id());
            }
            var soFar = new StringBuilder();
            try {
                request.stream().content()
                        .timeout(Mono.delay(left), chunk -> Mono.never())
                        .doOnNext(chunk -> progress.accept(soFar.append(chunk).toString()))
                        .blockLast(properties.streamTimeout());
            } catch (RuntimeException e) {
                if (soFar.isEmpty() && reactor.core.Exceptions.unwrap(e) instanceof TimeoutException) {
                    throw new LlmOutOfTimeException("The LLM had not started " + prompt.id() + " by its deadline");
                }
                throw e;
            }
            return soFar.toString();
        });
    }

    private <T> LlmAnswer<T> ask(PromptTemplate prompt, Map<String, ?> values, Class<T> type,
            Function<ChatClient.ChatClientRequestSpec, String> fetch) {
        Timer.Sample call = Timer.start(meters);
        String outcome = "unavailable";
        try {
            LlmAnswer<T> answer = askTimed(prompt, values, type, fetch);
            outcome = "answered";
            return answer;
        } catch (MalformedOutput e) {
            outcome = "malformed";
            throw e;
        } catch (LlmOutOfTimeException e) {
            outcome = "out_of_time";
            throw e;
        } finally {
            call.stop(Timer.builder(CALLS_METRIC)
                    .description("LLM calls by prompt and outcome; any outcome but answered makes the caller fall back")
                    .tag("prompt", prompt.id())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    private <T> LlmAnswer<T> askTimed(PromptTemplate prompt, Map<String, ?> values, Class<T> type,
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
            try {
                content = fetch.apply(chatClient.prompt().messages(messages).options(options));
            } catch (LlmOutOfTimeException e) {
                throw e;
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
        throw new MalformedOutput("The LLM gave malformed output for " + prompt.id() + ": " + problem);
    }

    /** The LLM answered, but never with what the prompt's schema asks for. */
    private static final class MalformedOutput extends LlmUnavailableException {
        MalformedOutput(String message) {
            super(message, null);
        }
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
