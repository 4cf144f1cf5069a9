package org.exitbot.notify;

import java.util.Map;
import org.springframework.stereotype.Service;

/** Sends one notice to one of HR's channels, in that channel's format; a channel without a webhook is skipped. */
@Service
class HrChannelNotifier {

    private final NotifyProperties properties;
    private final HrNotices notices;
    private final WebhookPoster poster;

    HrChannelNotifier(NotifyProperties properties, HrNotices notices, WebhookPoster poster) {
        this.properties = properties;
        this.notices = notices;
        this.poster = poster;
    }

    void send(Channel channel, NoticeRequest request) {
        properties.webhook(channel).ifPresent(webhook -> {
            HrNotice notice = notices.of(request);
            Map<String, Object> payload = channel == Channel.SLACK ? SlackMessage.of(notice) : TeamsCard.of(notice);
            poster.post(channel, webhook, payload);
        });
    }
}
