package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

    @Test
    void asManyJobThreadsAsConnectionsIsRefusedWithTheSettingsToChange() {
        assertThatIllegalStateException().isThrownBy(() -> budget(10, 10, true).afterSingletonsInstantiated())
                .withMessageContaining("EXITBOT_DB_POOL_SIZE=10")
                .withMessageContaining("10 job threads (EXITBOT_JOB_THREADS)")
                .withMessageContaining("at least 22");
    }

    @Test
    void twoConnectionsAJobThreadAndTwoMoreAreEnough() {
        assertThatCode(() -> budget(4, 10, true).afterSingletonsInstantiated()).doesNotThrowAnyException();
        assertThatIllegalStateException().isThrownBy(() -> budget(4, 9, true).afterSingletonsInstantiated());
    }

    @Test
    void aNodeWithoutJobExecutorNeedsNoSpareConnections() {
        assertThatCode(() -> budget(10, 2, false).afterSingletonsInstantiated()).doesNotThrowAnyException();
    }

    private static ConnectionBudget budget(int jobThreads, int poolSize, boolean jobExecutor) {
        var camunda = new CamundaBpmProperties();
        camunda.getJobExecution().setMaxPoolSize(jobThreads);
        camunda.getJobExecution().setEnabled(jobExecutor);
        var pool = new HikariDataSource();
        pool.setMaximumPoolSize(poolSize);
        return new ConnectionBudget(pool, camunda);
    }
}
