package org.exitbot.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies the reverse proxies (addresses or CIDR ranges, IPv4 or IPv6) whose {@code X-Forwarded-*}
 *                       headers are believed; from anyone else those headers are dropped. Empty: none.
 */
@ConfigurationProperties("exitbot.network")
record NetworkSettings(@DefaultValue List<String> trustedProxies) {
}
