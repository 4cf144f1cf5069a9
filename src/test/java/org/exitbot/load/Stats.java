package org.exitbot.load;

import java.util.Collection;
import java.util.List;

/**
 * Percentiles of a set of durations in milliseconds, by the nearest-rank method (as the other benchmarks): p95
 * of 20 values is the 19th smallest.
 */
record Stats(int n, long p50, long p95, long max) {

    static final Stats NONE = new Stats(0, 0, 0, 0);

    static Stats of(Collection<Long> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return new Stats(sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    @Override
    public String toString() {
        return n == 0 ? "none measured" : "p50 %6d ms   p95 %6d ms   max %6d ms   (n=%d)".formatted(p50, p95, max, n);
    }
}
