package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimiterTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:40Z");

    final JdbcTemplate jdbc = RateCounts.embeddedDatabase();

    @Test
    void allowsPerMinuteRequestsInEachClockMinute() {
        var limiter = new RateLimiter(jdbc, "link", 3, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        assertThat(limiter.acquire("a")).as("until the next minute begins").isEqualTo(Duration.ofSeconds(20));
        assertThat(limiter.acquire("b")).as("keys are independent").isZero();
        assertThat(new RateLimiter(jdbc, "address", 3, Clock.fixed(NOW, ZoneOffset.UTC)).acquire("a"))
                .as("so are limits of another purpose").isZero();
        var nextMinute = new RateLimiter(jdbc, "link", 3, Clock.fixed(NOW.plusSeconds(20), ZoneOffset.UTC));
        assertThat(nextMinute.acquire("a")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from chat_rate_count", Integer.class))
                .as("the past minute's counts are gone").isEqualTo(1);
    }

    @Test
    void aKeyIsStoredAsItsHashOnly() {
        new RateLimiter(jdbc, "link", 3, Clock.systemUTC()).acquire("secret-token");
        assertThat(jdbc.queryForObject("select rate_key from chat_rate_count", String.class))
                .hasSize(64).doesNotContain("secret-token");
    }

    @Test
    void theFilterAnswers429WithRetryAfterPerLinkAndPerAddress() throws Exception {
        var filter = new RateLimitFilter(new ChatProperties(2, 3), jdbc, Clock.systemUTC(), new ObjectMapper());
        assertThat(status(filter, "/api/chat/tokenA", "10.0.0.1")).isEqualTo(200);
        assertThat(status(filter, "/i/tokenA", "10.0.0.1")).isEqualTo(200);
        MockHttpServletResponse limited = call(filter, "/api/chat/tokenA/messages", "10.0.0.1");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isNotBlank();
        assertThat(limited.getContentType()).isEqualTo("application/problem+json");
        assertThat(status(filter, "/api/chat/tokenB", "10.0.0.1")).as("address budget of 3 used up").isEqualTo(429);
        assertThat(status(filter, "/api/chat/tokenB", "10.0.0.2")).isEqualTo(200);
    }

    @Test
    void findsTheTokenInEveryEmployeePath() {
        assertThat(RateLimitFilter.token("/api/chat/abc/messages")).isEqualTo("abc");
        assertThat(RateLimitFilter.token("/api/chat/abc")).isEqualTo("abc");
        assertThat(RateLimitFilter.token("/i/abc")).isEqualTo("abc");
        assertThat(RateLimitFilter.token("/chat/chat.js")).isNull();
    }

    private static int status(RateLimitFilter filter, String path, String address) throws Exception {
        return call(filter, path, address).getStatus();
    }

    private static MockHttpServletResponse call(RateLimitFilter filter, String path, String address) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
