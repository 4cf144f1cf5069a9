package org.exitbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LlmTrafficTest {

    @Test
    void aBackgroundCallWaitsWhileACallSomeoneWaitsForIsInFlight() throws Exception {
        var traffic = new LlmTraffic(Duration.ofSeconds(30));
        var started = new CountDownLatch(1);
        var backgroundCalled = new AtomicBoolean();
        LlmTraffic.Call waitedFor = traffic.enter();
        assertThat(traffic.inFlight()).isEqualTo(1);

        Thread background = new Thread(() -> traffic.inBackground(() -> {
            started.countDown();
            try (var call = traffic.enter()) {
                backgroundCalled.set(true);
            }
        }));
        background.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        background.join(300);
        assertThat(backgroundCalled).as("still waiting").isFalse();

        waitedFor.close();
        background.join(5_000);
        assertThat(backgroundCalled).isTrue();
        assertThat(traffic.inFlight()).isZero();
    }

    @Test
    void backgroundCallsDoNotHoldBackOthersNorEachOther() {
        var traffic = new LlmTraffic(Duration.ofSeconds(30));
        var seen = new int[1];
        traffic.inBackground(() -> {
            try (var call = traffic.enter()) {
                seen[0] = traffic.inFlight();
            }
        });
        assertThat(seen[0]).as("a background call is not counted").isZero();
        try (var call = traffic.enter()) {
            assertThat(traffic.inFlight()).isEqualTo(1);
        }
    }

    @Test
    void aBackgroundCallWaitsAtMostTheLongestWait() {
        var traffic = new LlmTraffic(Duration.ofMillis(200));
        LlmTraffic.Call stuck = traffic.enter();
        long start = System.nanoTime();
        traffic.inBackground(() -> traffic.enter().close());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
        stuck.close();
    }
}
