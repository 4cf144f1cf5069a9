package org.exitbot.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.springframework.stereotype.Component;

/**
 * Camunda's own figures (the job executor's acquisitions, successes, failures and rejections, activity and
 * decision counts) as the counter {@value #METRIC}, by {@code metric}: the engine's registry also counts each
 * occurrence there, as it happens, on this node. Camunda writes the same figures to its database every 15 minutes.
 */
@Component
class CamundaMetrics extends AbstractProcessEnginePlugin {

    static final String METRIC = "camunda.engine.metrics";

    private final MeterRegistry meters;

    CamundaMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsRegistry(new Bridge(meters));
    }

    private static final class Bridge extends MetricsRegistry {

        private final MeterRegistry meters;
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        Bridge(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public void createMeter(String name) {
            super.createMeter(name);
            counter(name);
        }

        @Override
        public void createDbMeter(String name) {
            super.createDbMeter(name);
            counter(name);
        }

        @Override
        protected void markOccurrence(Map<String, Meter> meterMap, String name, long times) {
            super.markOccurrence(meterMap, name, times);
            if (meterMap == dbMeters) {
                counter(name).increment(times);
            }
        }

        private Counter counter(String name) {
            return counters.computeIfAbsent(name, metric -> Counter.builder(METRIC)
                    .description("Camunda's engine metrics (job-acquired-success, job-successful, job-failed, ...)")
                    .tag("metric", metric).register(meters));
        }
    }
}
