package org.exitbot.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.exitbot.interview.InterviewStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts interviews started and ended ({@value #METRIC}, by {@code event}) once the step that did it commits, so
 * a step that rolls back and runs again counts once. The counts are this node's; Prometheus adds the nodes up.
 */
@Component
class InterviewCounts {

    static final String METRIC = "exitbot.interviews";
    private static final List<InterviewStatus> ENDS =
            List.of(InterviewStatus.COMPLETED, InterviewStatus.STOPPED, InterviewStatus.EXPIRED);

    private final Counter started;
    private final Map<InterviewStatus, Counter> ended = new EnumMap<>(InterviewStatus.class);

    InterviewCounts(MeterRegistry meters) {
        this.started = counter(meters, "started");
        for (InterviewStatus end : ENDS) {
            ended.put(end, counter(meters, end.code()));
        }
    }

    void started() {
        afterCommit(started);
    }

    void ended(InterviewStatus outcome) {
        afterCommit(ended.get(outcome));
    }

    private static Counter counter(MeterRegistry meters, String event) {
        return Counter.builder(METRIC).description("Interviews started, and ended as completed, stopped or expired")
                .tag("event", event).register(meters);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
