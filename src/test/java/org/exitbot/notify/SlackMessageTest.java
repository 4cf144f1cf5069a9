package org.exitbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    @Test
    void mrkdwnCannotCallTheChannelInAndTheHeaderKeepsToSlacksLimit() {
        var notice = new HrNotice("x".repeat(200), "Step: <!channel> & more", "Open", URI.create("http://app.test/"));

        Map<String, Object> message = SlackMessage.of(notice);

        var blocks = (List<?>) message.get("blocks");
        var header = (Map<?, ?>) ((Map<?, ?>) blocks.get(0)).get("text");
        var section = (Map<?, ?>) ((Map<?, ?>) blocks.get(1)).get("text");
        assertThat((String) header.get("text")).hasSize(150).endsWith("…");
        assertThat(section.get("text")).isEqualTo("Step: &lt;!channel&gt; &amp; more");
    }
}
