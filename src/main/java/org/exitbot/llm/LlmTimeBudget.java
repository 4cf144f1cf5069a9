package org.exitbot.llm;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a dead or hanging Ollama could hold an LLM job past the job executor's lock: the job
 * would then run twice. Worst case of one LLM step = malformed-output attempts x HTTP attempts x (connect +
 * read timeout) + the back-offs between HTTP attempts.
 */
@Component
class LlmTimeBudget {

    private final Duration worstCase;
    private final Duration lockTime;

    LlmTimeBudget(@Value("${spring.ai.retry.max-attempts}") int httpAttempts,
            @Value("${spring.ai.retry.backoff.initial-interval}") Duration initialBackoff,
            @Value("${spring.ai.retry.backoff.multiplier}") double multiplier,
            @Value("${spring.ai.retry.backoff.max-interval}") Duration maxBackoff,
            @Value("${spring.http.client.connect-timeout}") Duration connectTimeout,
            @Value("${spring.http.client.read-timeout}") Duration readTimeout,
            @Value("${camunda.bpm.job-execution.lock-time-in-millis}") long lockTimeMillis) {
        this.worstCase = worstCase(StructuredLlm.ATTEMPTS_FOR_MALFORMED_OUTPUT, httpAttempts, initialBackoff, multiplier,
                maxBackoff, connectTimeout.plus(readTimeout));
        this.lockTime = Duration.ofMillis(lockTimeMillis);
    }

    static Duration worstCase(int outputAttempts, int httpAttempts, Duration initialBackoff, double multiplier,
            Duration maxBackoff, Duration perRequest) {
        Duration backoffs = Duration.ZERO;
        Duration next = initialBackoff;
        for (int retry = 1; retry < httpAttempts; retry++) {
            backoffs = backoffs.plus(next.compareTo(maxBackoff) > 0 ? maxBackoff : next);
            next = Duration.ofMillis((long) (next.toMillis() * multiplier));
        }
        return perRequest.multipliedBy(httpAttempts).plus(backoffs).multipliedBy(outputAttempts);
    }

    @EventListener(ApplicationStartedEvent.class)
    void check() {
        if (worstCase.compareTo(lockTime) >= 0) {
            throw new IllegalStateException("An LLM step may take up to " + worstCase.toSeconds()
                    + " s, longer than the job lock of " + lockTime.toSeconds() + " s: lower OLLAMA_READ_TIMEOUT or "
                    + "spring.ai.retry.max-attempts, or raise camunda.bpm.job-execution.lock-time-in-millis");
        }
    }

    Duration worstCase() {
        return worstCase;
    }
}
