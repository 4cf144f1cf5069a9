package org.exitbot.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Posts a JSON payload to a channel's webhook. Any answer but 2xx, or none within the timeouts, fails the post, and
 * so the job, which the process retries. The failure names the channel and the status, never the URL: it is a
 * secret, and the failure lands in Cockpit.
 */
@Component
class WebhookPoster {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper objectMapper;

    WebhookPoster(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void post(Channel channel, URI webhook, Object payload) {
        HttpResponse<Void> response;
        try {
            response = http.send(HttpRequest.newBuilder(webhook)
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(payload)))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ChannelUnavailableException(channel + " webhook unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailableException(channel + " webhook post interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ChannelUnavailableException(channel + " webhook answered HTTP " + response.statusCode());
        }
    }

    private String json(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Notice payload not serialisable", e);
        }
    }

    /** The channel did not take the notice; the job fails and is retried. */
    static final class ChannelUnavailableException extends RuntimeException {
        ChannelUnavailableException(String message) {
            super(message);
        }
    }
}
