package org.exitbot.notify;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * HR's channels. Each webhook URL is a secret (whoever holds it may post to the channel): it is never logged,
 * nor put in an incident.
 *
 * @param slackWebhookUrl a Slack incoming webhook; empty: Slack hears nothing
 * @param teamsWebhookUrl a Teams Workflows webhook ("When a Teams webhook request is received"); empty: Teams
 *                        hears nothing
 */
@Validated
@ConfigurationProperties("exitbot.notify")
public record NotifyProperties(@DefaultValue("") String slackWebhookUrl, @DefaultValue("") String teamsWebhookUrl) {

    Optional<URI> webhook(Channel channel) {
        String url = channel == Channel.SLACK ? slackWebhookUrl : teamsWebhookUrl;
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url.strip()));
    }

    @AssertTrue(message = "exitbot.notify.slack-webhook-url and teams-webhook-url must be absolute http(s) URLs")
    public boolean isEveryWebhookAnHttpUrl() {
        for (Channel channel : Channel.values()) {
            try {
                if (!webhook(channel).map(NotifyProperties::isHttp).orElse(true)) {
                    return false;
                }
            } catch (IllegalArgumentException notAUri) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHttp(URI uri) {
        return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
    }
}
