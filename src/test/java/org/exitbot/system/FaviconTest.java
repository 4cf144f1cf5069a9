package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Every page's browser asks for {@code /favicon.ico}: it gets an icon, without logging in. */
class FaviconTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theFaviconIsAnIconOfSeveralSizes() {
        var response = http.getForEntity("/favicon.ico", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isIn("image/x-icon", "image/vnd.microsoft.icon");
        ByteBuffer icon = ByteBuffer.wrap(response.getBody()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(icon.getShort(0)).as("reserved").isZero();
        assertThat(icon.getShort(2)).as("type: icon").isEqualTo((short) 1);
        int images = icon.getShort(4);
        assertThat(images).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < images; i++) {
            int entry = 6 + 16 * i;
            int size = icon.getInt(entry + 8);
            int offset = icon.getInt(entry + 12);
            assertThat(offset + size).as("image " + i + " lies in the file").isLessThanOrEqualTo(icon.capacity());
            assertThat(icon.getInt(offset)).as("image " + i + " is a PNG").isEqualTo(0x474e5089);
        }
    }
}
