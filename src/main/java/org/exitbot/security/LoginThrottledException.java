package org.exitbot.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked: too many failed ones for the account or from the address came just before. */
class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(Duration wait) {
        super("Too many failed logins for this user or from this address: try again in "
                + seconds(wait) + " seconds.");
        this.retryAfterSeconds = seconds(wait);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
