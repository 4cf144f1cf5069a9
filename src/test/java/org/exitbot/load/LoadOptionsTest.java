package org.exitbot.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.exitbot.llm.OllamaStub.Fault;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void theIssuesScenarios() {
        LoadOptions fast = LoadOptions.of("fast", key -> null);
        LoadOptions slow = LoadOptions.of("slow", key -> null);
        LoadOptions failover = LoadOptions.of("failover", key -> null);

        assertThat(fast.interviews()).isEqualTo(50);
        assertThat(fast.stub().latency()).isZero();
        assertThat(fast.killAfter()).isNull();
        assertThat(slow.interviews()).isEqualTo(15);
        assertThat(slow.stub().latency()).isEqualTo(Duration.ofSeconds(4));
        assertThat(slow.stub().slots()).isEqualTo(1);
        assertThat(failover.nodes()).isEqualTo(2);
        assertThat(failover.interviews()).isEqualTo(40);
        assertThat(failover.killAfter()).isEqualTo(Duration.ofSeconds(8));
        assertThat(failover.killNode()).isEqualTo(2);
        assertThat(fast.warmUp()).as("cold nodes, as the issue measured").isZero();
        assertThat(fast.describe()).doesNotContain("warm-up");
    }

    @Test
    void optionsOverrideThePreset() {
        Map<String, String> given = Map.of("interviews", "5", "latency", "250ms", "pace", "30ms", "faultRate", "0.1",
                "faults", "hang, error", "kill", "off", "name", "failover-no-kill", "database", "exitbot_bench_x",
                "warmUp", "40",
                "env", "EXITBOT_LLM_CONCURRENCY=2,CAMUNDA_BPM_JOB_EXECUTION_LOCK_TIME_IN_MILLIS=60000");
        LoadOptions options = LoadOptions.of("failover", given::get);

        assertThat(options.nodes()).isEqualTo(2);
        assertThat(options.interviews()).isEqualTo(5);
        assertThat(options.stub().latency()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.stub().pace()).isEqualTo(Duration.ofMillis(30));
        assertThat(options.stub().faults()).containsExactly(Fault.HANG, Fault.ERROR_STATUS);
        assertThat(options.killAfter()).isNull();
        assertThat(options.name()).isEqualTo("failover-no-kill");
        assertThat(options.warmUp()).isEqualTo(40);
        assertThat(options.describe()).endsWith("after 40 warm-up interview(s)");
        assertThat(options.database()).isEqualTo("exitbot_bench_x");
        assertThat(options.nodeEnv()).containsEntry("EXITBOT_LLM_CONCURRENCY", "2")
                .containsEntry("CAMUNDA_BPM_JOB_EXECUTION_LOCK_TIME_IN_MILLIS", "60000");
    }

    @Test
    void refusesWhatCannotRun() {
        assertThatThrownBy(() -> LoadOptions.of("fast", Map.of("kill", "8s")::get))
                .hasMessageContaining("2 or more nodes");
        assertThatThrownBy(() -> LoadOptions.of("fast", Map.of("database", "Other; drop")::get))
                .hasMessageContaining("bench.database");
        assertThatThrownBy(() -> LoadOptions.of("quick", key -> null)).hasMessageContaining("Unknown scenario");
        assertThatThrownBy(() -> LoadOptions.of("fast", Map.of("faultRate", "0.5", "faults", "slow")::get))
                .hasMessageContaining("bench.faults");
        assertThatThrownBy(() -> LoadOptions.of("fast", Map.of("name", "../x")::get)).hasMessageContaining("bench.name");
        assertThat(LoadOptions.of("fast", key -> null).stub().faults()).isEqualTo(List.of());
        assertThat(LoadOptions.of("fast", Map.of("name", "Fast-2")::get).database()).endsWith("_load_fast_2");
    }
}
