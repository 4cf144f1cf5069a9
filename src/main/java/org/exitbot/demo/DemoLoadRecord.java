package org.exitbot.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one row in {@code demo_data_load} while demo data is loaded or being loaded: inserting it claims the load, so
 * however many nodes start with EXITBOT_DEMO_DATA=true, one loads; it counts the interviews played. A claim that has
 * not moved for {@link #STALE_CLAIM} was left by a node that died while loading, and may be taken again.
 */
@Component
class DemoLoadRecord {

    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    record Progress(int played, int total) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoLoadRecord(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return false when demo data is loaded, or another node is loading it */
    boolean claim(int total) {
        jdbc.update("delete from demo_data_load where finished_at is null and progress_at < ?", staleBefore());
        try {
            Timestamp now = now();
            jdbc.update("insert into demo_data_load (id, started_at, progress_at, total) values (1, ?, ?, ?)", now, now,
                    total);
            return true;
        } catch (DuplicateKeyException loadedOrLoading) {
            return false;
        }
    }

    void played(int played) {
        jdbc.update("update demo_data_load set played = ?, progress_at = ? where id = 1", played, now());
    }

    /** Finished, or failed part way: either way what was loaded may be removed now. */
    void finish() {
        jdbc.update("update demo_data_load set finished_at = ? where id = 1", now());
    }

    boolean loading() {
        return progress().isPresent();
    }

    /** Of a load under way. */
    Optional<Progress> progress() {
        return jdbc.query("select played, total from demo_data_load where finished_at is null and progress_at >= ?",
                (rs, n) -> new Progress(rs.getInt("played"), rs.getInt("total")), staleBefore()).stream().findFirst();
    }

    /** The demo data is gone: a later start with EXITBOT_DEMO_DATA=true may load it again. */
    void clear() {
        jdbc.update("delete from demo_data_load");
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private Timestamp staleBefore() {
        return Timestamp.from(clock.instant().minus(STALE_CLAIM));
    }
}
