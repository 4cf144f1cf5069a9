package org.exitbot.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples pg_stat_activity of the benchmark database every {@value #PERIOD_MILLIS} ms: the nodes' connections
 * in all, and those not idle (running a statement, or idle in a transaction), each at most, in all and by node.
 */
final class ConnectionSampler implements AutoCloseable {

    static final int PERIOD_MILLIS = 100;

    /** The most connections seen at once. */
    record Peak(int total, int nonIdle) {
    }

    private final BenchDatabase database;
    private final Thread thread;
    private final AtomicInteger maxTotal = new AtomicInteger();
    private final AtomicInteger maxNonIdle = new AtomicInteger();
    private final Map<String, int[]> maxByNode = new ConcurrentHashMap<>();
    private final AtomicInteger samples = new AtomicInteger();
    private volatile boolean running = true;

    ConnectionSampler(BenchDatabase database) {
        this.database = database;
        this.thread = new Thread(this::sample, "pg-stat-activity-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        String sql = "select application_name, count(*), count(*) filter (where state <> 'idle') from pg_stat_activity "
                + "where datname = current_database() and backend_type = 'client backend' and application_name <> ? "
                + "group by application_name";
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, BenchDatabase.OWN_CONNECTIONS);
            while (running) {
                long next = System.nanoTime() + PERIOD_MILLIS * 1_000_000L;
                int total = 0;
                int nonIdle = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int nodeTotal = rows.getInt(2);
                        int nodeNonIdle = rows.getInt(3);
                        total += nodeTotal;
                        nonIdle += nodeNonIdle;
                        int[] max = maxByNode.computeIfAbsent(rows.getString(1), node -> new int[2]);
                        max[0] = Math.max(max[0], nodeTotal);
                        max[1] = Math.max(max[1], nodeNonIdle);
                    }
                }
                maxTotal.accumulateAndGet(total, Math::max);
                maxNonIdle.accumulateAndGet(nonIdle, Math::max);
                samples.incrementAndGet();
                long sleep = (next - System.nanoTime()) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        } catch (SQLException e) {
            if (running) {
                throw new IllegalStateException("pg_stat_activity sampling stopped", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Peak peak() {
        return new Peak(maxTotal.get(), maxNonIdle.get());
    }

    /** Peaks by the application name each node connects with. */
    Map<String, Peak> peakByNode() {
        Map<String, Peak> peaks = new TreeMap<>();
        maxByNode.forEach((node, max) -> peaks.put(node, new Peak(max[0], max[1])));
        return peaks;
    }

    int samples() {
        return samples.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
