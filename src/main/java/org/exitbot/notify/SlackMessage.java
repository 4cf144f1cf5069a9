package org.exitbot.notify;

import java.util.List;
import java.util.Map;

/**
 * A notice as a Slack incoming webhook's payload: {@code text} for notifications and clients without blocks, and
 * {@code blocks} (a header, a section in mrkdwn, a button with the link) within Slack's length limits.
 */
final class SlackMessage {

    private SlackMessage() {
    }

    static Map<String, Object> of(HrNotice notice) {
        return Map.of(
                "text", notice.headline() + ": " + notice.text(),
                "blocks", List.of(
                        Map.of("type", "header", "text", plainText(notice.headline(), 150)),
                        Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn(notice.text()))),
                        Map.of("type", "actions", "elements", List.of(Map.of(
                                "type", "button",
                                "text", plainText(notice.linkLabel(), 75),
                                "url", notice.link().toString())))));
    }

    private static Map<String, Object> plainText(String text, int limit) {
        return Map.of("type", "plain_text", "text", text.length() <= limit ? text : text.substring(0, limit - 1) + "…");
    }

    /** Slack reads {@code & < >} as markup ({@code <!channel>} would call everyone in). */
    private static String mrkdwn(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
