package org.exitbot.notify;

import java.util.List;
import java.util.Map;

/**
 * A notice as the payload of a Teams Workflows webhook: a message whose one attachment is an Adaptive Card
 * (version 1.4, which Teams renders on desktop, web and mobile) with the headline, the text and a button.
 */
final class TeamsCard {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.4";

    private TeamsCard() {
    }

    static Map<String, Object> of(HrNotice notice) {
        var card = Map.of(
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard",
                "version", VERSION,
                "body", List.of(
                        Map.of("type", "TextBlock", "text", notice.headline(), "weight", "Bolder", "size", "Medium",
                                "wrap", true),
                        Map.of("type", "TextBlock", "text", notice.text(), "wrap", true)),
                "actions", List.of(Map.of("type", "Action.OpenUrl", "title", notice.linkLabel(),
                        "url", notice.link().toString())));
        return Map.of("type", "message", "attachments", List.of(Map.of("contentType", CONTENT_TYPE, "content", card)));
    }
}
