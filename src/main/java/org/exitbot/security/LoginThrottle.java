package org.exitbot.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.exitbot.system.Sha256;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins per account and per client address, in the database so that every node of a deployment
 * counts the same. Past the free failures the next login waits, five seconds doubling with each further failure up
 * to the longest wait; a login that works clears its account's count, and failures are forgotten after an hour
 * without one. Nothing is ever locked for good. Keys are stored as SHA-256 hashes.
 */
@Component
class LoginThrottle {

    /** What the count says before a login is checked. */
    record Check(Optional<Duration> waitFor, boolean accountHasFailures) {
    }

    private record Count(int failures, Instant lastFailedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final LoginThrottleSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, LoginThrottleSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.clock = clock;
    }

    Check check(String account, String address) {
        Instant now = clock.instant();
        Optional<Count> forAccount = count(accountKey(account), now);
        Optional<Count> forAddress = count(addressKey(address), now);
        Duration wait = longer(remaining(forAccount, settings.failuresPerAccount(), now),
                remaining(forAddress, settings.failuresPerAddress(), now));
        return new Check(wait.isZero() ? Optional.empty() : Optional.of(wait), forAccount.isPresent());
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        increment(accountKey(account), now);
        increment(addressKey(address), now);
    }

    void succeeded(String account, Check check) {
        if (check.accountHasFailures()) {
            ownTransaction.executeWithoutResult(status ->
                    jdbc.update("delete from login_failure where throttle_key = ?", accountKey(account)));
        }
    }

    private Optional<Count> count(String key, Instant now) {
        List<Count> found = jdbc.query("select failures, last_failed_at from login_failure where throttle_key = ?",
                (rs, row) -> new Count(rs.getInt(1), rs.getTimestamp(2).toInstant()), key);
        return found.stream().findFirst().filter(count -> !isForgotten(count.lastFailedAt(), now));
    }

    private Duration remaining(Optional<Count> count, int free, Instant now) {
        return count.map(c -> {
            Duration left = Duration.between(now, c.lastFailedAt().plus(settings.waitAfter(c.failures(), free)));
            return left.isNegative() ? Duration.ZERO : left;
        }).orElse(Duration.ZERO);
    }

    private void increment(String key, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp forgetBefore = Timestamp.from(now.minus(settings.forgetAfter()));
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> {
                    int updated = jdbc.update("update login_failure set failures = case when last_failed_at < ? "
                            + "then 1 else failures + 1 end, last_failed_at = ? where throttle_key = ?",
                            forgetBefore, at, key);
                    if (updated == 0) {
                        jdbc.update("delete from login_failure where last_failed_at < ?", forgetBefore);
                        jdbc.update("insert into login_failure (throttle_key, failures, last_failed_at) "
                                + "values (?, 1, ?)", key, at);
                    }
                });
                return;
            } catch (DuplicateKeyException anotherNodeInsertedItFirst) {
                // counted there; the update in a fresh transaction adds this one
            }
        }
    }

    private boolean isForgotten(Instant lastFailedAt, Instant now) {
        return lastFailedAt.isBefore(now.minus(settings.forgetAfter()));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String account) {
        return Sha256.hex("account:" + (account == null ? "" : account.trim().toLowerCase(Locale.ROOT)));
    }

    private static String addressKey(String address) {
        return Sha256.hex("address:" + (address == null ? "" : address));
    }
}
