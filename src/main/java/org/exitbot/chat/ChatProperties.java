package org.exitbot.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requestsPerMinutePerLink    requests one interview link may make per minute (page, API, events)
 * @param requestsPerMinutePerAddress requests one client address may make per minute to employee endpoints
 */
@ConfigurationProperties("exitbot.chat")
public record ChatProperties(
        @DefaultValue("120") int requestsPerMinutePerLink,
        @DefaultValue("600") int requestsPerMinutePerAddress) {
}
