package org.exitbot.system;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a connection pool a busy node would run dry: a mail job holds the engine's connection
 * while the mail ledger takes a second one, so with as many job threads as connections every thread can end up
 * holding one and waiting for another until the pool times out (the load benchmark's invitations did, 30 s at a
 * time). Two connections a job thread, and two for the chat, the dashboard and the LLM worker.
 */
@Component
class ConnectionBudget implements SmartInitializingSingleton {

    static final int FOR_EVERYTHING_ELSE = 2;

    private final DataSource dataSource;
    private final CamundaBpmProperties camunda;

    ConnectionBudget(DataSource dataSource, CamundaBpmProperties camunda) {
        this.dataSource = dataSource;
        this.camunda = camunda;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!(dataSource instanceof HikariDataSource pool) || !camunda.getJobExecution().isEnabled()) {
            return;
        }
        int needed = required(camunda.getJobExecution().getMaxPoolSize());
        if (pool.getMaximumPoolSize() < needed) {
            throw new IllegalStateException(("The database connection pool (EXITBOT_DB_POOL_SIZE=%d) is too small "
                    + "for %d job threads (EXITBOT_JOB_THREADS): a mail job holds two connections at once, so the "
                    + "pool needs at least %d. Raise EXITBOT_DB_POOL_SIZE or lower EXITBOT_JOB_THREADS.")
                    .formatted(pool.getMaximumPoolSize(), camunda.getJobExecution().getMaxPoolSize(), needed));
        }
    }

    static int required(int jobThreads) {
        return 2 * jobThreads + FOR_EVERYTHING_ELSE;
    }
}
