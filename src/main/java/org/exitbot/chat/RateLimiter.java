package org.exitbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.exitbot.system.Sha256;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts requests per key and clock minute in the database, so that every node of a deployment counts the same:
 * each key may make {@code perMinute} requests in a minute. Each count is one atomic statement of its own; keys are
 * stored as SHA-256 hashes, and past minutes are deleted once the next one begins.
 */
public class RateLimiter {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private final JdbcTemplate jdbc;
    private final String purpose;
    private final int perMinute;
    private final Clock clock;
    private final AtomicLong sweptBefore = new AtomicLong();

    /** @param purpose what the keys are (a link, an address), so that equal keys of two limits count apart */
    public RateLimiter(JdbcTemplate jdbc, String purpose, int perMinute, Clock clock) {
        this.jdbc = jdbc;
        this.purpose = purpose;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** @return zero if the request may go ahead, else how long to wait before the next one may */
    public Duration acquire(String key) {
        long now = clock.millis();
        long minute = now / MINUTE;
        sweepBefore(minute);
        String hashed = Sha256.hex(purpose + ":" + key);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (jdbc.update("update chat_rate_count set hits = hits + 1 "
                    + "where rate_key = ? and window_minute = ? and hits < ?", hashed, minute, perMinute) == 1) {
                return Duration.ZERO;
            }
            try {
                jdbc.update("insert into chat_rate_count (rate_key, window_minute, hits) values (?, ?, 1)",
                        hashed, minute);
                return Duration.ZERO;
            } catch (DuplicateKeyException countedAlready) {
                // the minute is used up, or another request inserted its row first: the update decides again
            }
        }
        return Duration.ofMillis((minute + 1) * MINUTE - now);
    }

    private void sweepBefore(long minute) {
        long swept = sweptBefore.get();
        if (swept < minute && sweptBefore.compareAndSet(swept, minute)) {
            jdbc.update("delete from chat_rate_count where window_minute < ?", minute);
        }
    }
}
