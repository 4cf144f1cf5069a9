package org.exitbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmTimeBudgetTest {

    @Test
    void theWorstCaseCountsEveryAttemptTimeoutAndBackOff() {
        Duration worst = LlmTimeBudget.worstCase(2, 3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(4),
                Duration.ofSeconds(125));
        // 2 output attempts x (3 x 125 s + 1 s + 2 s back-off)
        assertThat(worst).isEqualTo(Duration.ofSeconds(2 * (375 + 3)));
    }

    @Test
    void theDefaultConfigurationFitsTheJobLock() {
        var budget = new LlmTimeBudget(2, Duration.ofSeconds(1), 2, Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(120), 600_000);
        budget.check();
        assertThat(budget.worstCase()).isEqualTo(Duration.ofSeconds(2 * (2 * 125 + 1)));
    }

    @Test
    void refusesToStartWhenAHangingOllamaCouldOutliveTheJobLock() {
        var budget = new LlmTimeBudget(10, Duration.ofSeconds(2), 5, Duration.ofMinutes(3), Duration.ofSeconds(5),
                Duration.ofSeconds(120), 300_000);
        assertThatThrownBy(budget::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("longer than the job lock");
    }
}
