package org.exitbot.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's own PostgreSQL database on 127.0.0.1:5432 (user {@code postgres}, trust auth, as the
 * development machines have it), dropped and created fresh for every run, and what the benchmark reads from it:
 * Camunda's incidents and jobs. Its own connections are named {@value #OWN_CONNECTIONS}, so that the
 * {@link ConnectionSampler} counts only the nodes'.
 */
final class BenchDatabase {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String OWN_CONNECTIONS = "exitbot-bench";

    private final String name;

    private BenchDatabase(String name) {
        this.name = name;
    }

    static BenchDatabase createFresh(String name) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres?ApplicationName=" + OWN_CONNECTIONS,
                "postgres", ""); var statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("The load benchmark needs PostgreSQL on 127.0.0.1:5432 (user postgres, "
                    + "no password) to create " + name, e);
        }
        return new BenchDatabase(name);
    }

    String name() {
        return name;
    }

    /** The URL a node connects with; its connections carry {@code applicationName} in pg_stat_activity. */
    String url(String applicationName) {
        // with a server version assumed, the driver names the connection in its start-up message, not a moment later
        return SERVER + name + "?ApplicationName=" + applicationName + "&assumeMinServerVersion=15";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(OWN_CONNECTIONS), "postgres", "");
    }

    /** Open incidents by type. */
    Map<String, Integer> incidents() {
        return countBy("select incident_type_, count(*) from act_ru_incident group by incident_type_ order by 1");
    }

    /**
     * Jobs that are due and not yet failed for good, and LLM tasks (external tasks) not yet failed for good: what
     * the job executors and LLM workers still have to do. Timers waiting for a later date (reminders, expiry,
     * retention) do not count.
     */
    int dueJobs() {
        return countBy("select 'due', count(*) from act_ru_job where (duedate_ is null or duedate_ <= now()) and retries_ > 0")
                .getOrDefault("due", 0)
                + countBy("select 'due', count(*) from act_ru_ext_task where retries_ is null or retries_ > 0")
                        .getOrDefault("due", 0);
    }

    /** Jobs and LLM tasks whose retries ran out. */
    int failedJobs() {
        return countBy("select 'failed', count(*) from act_ru_job where retries_ = 0").getOrDefault("failed", 0)
                + countBy("select 'failed', count(*) from act_ru_ext_task where retries_ = 0").getOrDefault("failed", 0);
    }

    private Map<String, Integer> countBy(String sql) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = connect(); var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the benchmark database " + name, e);
        }
        return counts;
    }
}
