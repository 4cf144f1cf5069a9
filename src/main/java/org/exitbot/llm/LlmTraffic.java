package org.exitbot.llm;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Gives LLM calls that someone waits for (a follow-up an employee waits for, HR's re-analysis of one interview)
 * way over background work: a background call starts only while no waited-for call is in flight. Ollama answers
 * one call at a time, so a batch must not stand in front of a person.
 */
@Component
public class LlmTraffic {

    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quiet = lock.newCondition();
    private final Duration longestWait;
    private int waitedFor;

    public LlmTraffic() {
        this(Duration.ofMinutes(10));
    }

    LlmTraffic(Duration longestWait) {
        this.longestWait = longestWait;
    }

    /** Runs {@code work} on this thread with its LLM calls marked as background. */
    public void inBackground(Runnable work) {
        BACKGROUND.set(true);
        try {
            work.run();
        } finally {
            BACKGROUND.remove();
        }
    }

    /**
     * Marks the start of an LLM call; close the result when it ends. A background call first waits until no
     * waited-for call is in flight, at most the longest wait, so a steady stream of them cannot starve it forever.
     */
    Call enter() {
        if (BACKGROUND.get()) {
            awaitQuiet();
            return () -> {
            };
        }
        lock.lock();
        try {
            waitedFor++;
        } finally {
            lock.unlock();
        }
        return this::leave;
    }

    private void leave() {
        lock.lock();
        try {
            if (--waitedFor == 0) {
                quiet.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void awaitQuiet() {
        long remaining = longestWait.toNanos();
        lock.lock();
        try {
            while (waitedFor > 0 && remaining > 0) {
                remaining = quiet.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return waitedFor;
        } finally {
            lock.unlock();
        }
    }

    /** One LLM call in flight. */
    interface Call extends AutoCloseable {
        @Override
        void close();
    }
}
