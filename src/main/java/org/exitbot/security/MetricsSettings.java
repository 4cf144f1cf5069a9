package org.exitbot.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may scrape {@code /actuator/prometheus} besides Camunda administrators.
 *
 * @param token a bearer token (32+ characters) for the Prometheus server; none when empty
 */
@ConfigurationProperties("exitbot.metrics")
record MetricsSettings(@DefaultValue("") String token) {

    static final int MIN_LENGTH = 32;

    MetricsSettings {
        if (!token.isBlank() && token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("exitbot.metrics.token (EXITBOT_METRICS_TOKEN) needs " + MIN_LENGTH
                    + " characters or more");
        }
        token = token.strip();
    }
}
