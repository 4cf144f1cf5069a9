package org.exitbot.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * How much work waits in the shared database, counted at each scrape: Camunda's jobs ({@value #JOBS}: due now,
 * waiting on a timer, failed for good) and external tasks ({@value #EXTERNAL_TASKS}: open, locked by a worker).
 * Every node reports the same figures.
 */
@Component
class ProcessQueueMetrics {

    static final String JOBS = "exitbot.jobs";
    static final String EXTERNAL_TASKS = "exitbot.external.tasks";

    ProcessQueueMetrics(MeterRegistry meters, ManagementService management, ExternalTaskService externalTasks) {
        gauge(meters, JOBS, "state", "executable", () -> management.createJobQuery().executable().count());
        gauge(meters, JOBS, "state", "timer", () -> management.createJobQuery().timers().duedateHigherThan(new Date())
                .count());
        gauge(meters, JOBS, "state", "failed", () -> management.createJobQuery().noRetriesLeft().count());
        gauge(meters, EXTERNAL_TASKS, "state", "open", () -> externalTasks.createExternalTaskQuery().notLocked().count());
        gauge(meters, EXTERNAL_TASKS, "state", "locked", () -> externalTasks.createExternalTaskQuery().locked().count());
    }

    private static void gauge(MeterRegistry meters, String name, String tag, String value, Supplier<Long> count) {
        Gauge.builder(name, count, supplier -> supplier.get().doubleValue())
                .description("Camunda jobs and external tasks in the database, by state")
                .tag(tag, value).strongReference(true).register(meters);
    }
}
