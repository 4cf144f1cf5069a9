package org.exitbot.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param failuresPerAccount failed logins in a row an account may have before its next login waits
 * @param failuresPerAddress the same for one client address, whichever accounts it tries
 * @param longestWait        the wait doubles with every further failure, from five seconds up to this
 */
@ConfigurationProperties("exitbot.logins")
record LoginThrottleSettings(
        @DefaultValue("5") int failuresPerAccount,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("5m") Duration longestWait) {

    static final Duration FIRST_WAIT = Duration.ofSeconds(5);

    LoginThrottleSettings {
        if (failuresPerAccount < 1 || failuresPerAddress < 1) {
            throw new IllegalStateException("exitbot.logins.failures-per-account and -per-address must be at least 1");
        }
        if (longestWait.compareTo(FIRST_WAIT) < 0) {
            throw new IllegalStateException("exitbot.logins.longest-wait (EXITBOT_LOGIN_LONGEST_WAIT) must be at least "
                    + FIRST_WAIT.toSeconds() + "s");
        }
    }

    /** How long the next login waits after {@code failures} failures in a row, {@code free} of them allowed. */
    Duration waitAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    /** Failures older than this are forgotten. */
    Duration forgetAfter() {
        Duration hour = Duration.ofHours(1);
        Duration twiceTheLongest = longestWait.multipliedBy(2);
        return twiceTheLongest.compareTo(hour) > 0 ? twiceTheLongest : hour;
    }
}
