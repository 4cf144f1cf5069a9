package org.exitbot.llm;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Wakes an idle slot of {@link LlmWorker} once a transaction of this node has created an LLM task. One slot at a
 * time: a slot that found work wakes the next, so a burst of tasks does not send every slot to the database at once.
 */
@Component
public class LlmWorkSignal {

    private long generation;

    public synchronized void wake() {
        generation++;
        notify();
    }

    synchronized long generation() {
        return generation;
    }

    /** Waits until {@link #wake} was called after {@code seen} was read, at most {@code longest}. */
    synchronized void awaitAfter(long seen, Duration longest) throws InterruptedException {
        long end = System.nanoTime() + longest.toNanos();
        long left = longest.toNanos();
        while (generation == seen && left > 0) {
            wait(Math.max(1, left / 1_000_000));
            left = end - System.nanoTime();
        }
    }
}
