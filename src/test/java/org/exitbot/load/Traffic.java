package org.exitbot.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the clients' requests got: HTTP statuses, connection failures, timeouts, moves to another node. */
final class Traffic {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder answers = new LongAdder();
    private final LongAdder finished = new LongAdder();

    void status(int status) {
        count(status >= 200 && status < 300 ? "2xx" : String.valueOf(status));
    }

    void connectionFailed() {
        count("connection failed");
    }

    void timedOut() {
        count("timed out");
    }

    void failedOver() {
        count("moved to another node");
    }

    void reloaded() {
        count("page reloaded after 30 s without news");
    }

    void answerAccepted() {
        answers.increment();
    }

    void interviewFinished() {
        finished.increment();
    }

    /** A line on how far the run has got. */
    String progress() {
        return "%d answers accepted, %d interviews finished".formatted(answers.sum(), finished.sum());
    }

    void count(String what) {
        counts.computeIfAbsent(what, w -> new LongAdder()).increment();
    }

    Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((what, count) -> copy.put(what, count.sum()));
        return copy;
    }
}
