package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After a node dies, its jobs wait out their lock, then one idle acquisition of a live node: both together must stay
 * within the minute an interview may wait for the work a dead node held (the load benchmark's {@code failover}
 * scenario measures it).
 */
class JobTakeoverSettingsTest extends ExitBotIntegrationTest {

    @Autowired
    CamundaBpmProperties camunda;

    @Test
    void aDeadNodesJobsAreTakenWithinAMinuteAndFiveSecondsOfTheirLock() {
        var jobs = camunda.getJobExecution();
        assertThat(Duration.ofMillis(jobs.getLockTimeInMillis())).isEqualTo(Duration.ofMinutes(1));
        assertThat(jobs.getMaxWait()).as("an idle acquisition waits at most this long, not Camunda's 60 s")
                .isNotNull().isLessThanOrEqualTo(Duration.ofSeconds(5).toMillis());
    }
}
