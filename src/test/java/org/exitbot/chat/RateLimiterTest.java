package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimiterTest {

    @Test
    void allowsABurstThenRefillsEvenlyOverAMinute() {
        var clock = new AtomicLong();
        var limiter = new RateLimiter(3, clock::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        Duration wait = limiter.acquire("a");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(limiter.acquire("b")).as("keys are independent").isZero();
        clock.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void theFilterAnswers429WithRetryAfterPerLinkAndPerAddress() throws Exception {
        var filter = new RateLimitFilter(new ChatProperties(2, 3), new ObjectMapper());
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
