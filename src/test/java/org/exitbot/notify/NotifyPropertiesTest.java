package org.exitbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class NotifyPropertiesTest {

    @Test
    void anEmptyUrlIsAChannelNotConfigured() {
        var properties = new NotifyProperties(" ", "https://prod.westeurope.logic.azure.com/workflows/1/triggers/manual");

        assertThat(properties.webhook(Channel.SLACK)).isEmpty();
        assertThat(properties.webhook(Channel.TEAMS))
                .contains(URI.create("https://prod.westeurope.logic.azure.com/workflows/1/triggers/manual"));
        assertThat(new HrChannels(properties).configured()).containsExactly("teams");
        assertThat(properties.isEveryWebhookAnHttpUrl()).isTrue();
    }

    @Test
    void aWebhookMustBeAnAbsoluteHttpUrl() {
        assertThat(new NotifyProperties("hooks.slack.com/services/T0/B0/x", "").isEveryWebhookAnHttpUrl()).isFalse();
        assertThat(new NotifyProperties("", "ftp://teams.test/hook").isEveryWebhookAnHttpUrl()).isFalse();
        assertThat(new NotifyProperties("https://hooks.slack.com/services/T0 B0", "").isEveryWebhookAnHttpUrl()).isFalse();
    }
}
