package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.exitbot.chat.ChatProperties;
import org.exitbot.chat.RateCounts;
import org.exitbot.chat.RateLimitFilter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The client address the filters after it see, and so the per-address limit, as the app chains them. */
class ClientAddressFilterTest {

    @Test
    void aClientThatIsNoProxyCannotChooseItsAddress() throws Exception {
        var filter = new ClientAddressFilter(new TrustedProxies(List.of()));
        var limit = new RateLimitFilter(new ChatProperties(1000, 3), RateCounts.embeddedDatabase(), Clock.systemUTC(),
                new ObjectMapper());
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 4; i++) {
            var request = request("203.0.113.9", "198.51.100." + i);
            request.addHeader("X-Forwarded-Host", "attacker.example");
            var response = new MockHttpServletResponse();
            var seen = new AtomicReference<HttpServletRequest>();
            new MockFilterChain(capture(seen), filter, limit).doFilter(request, response);
            statuses.add(response.getStatus());
            if (seen.get() != null) {
                assertThat(seen.get().getRemoteAddr()).isEqualTo("203.0.113.9");
                assertThat(seen.get().getServerName()).isEqualTo("localhost");
                assertThat(seen.get().getHeader("X-Forwarded-For")).as("dropped").isNull();
            }
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);
    }

    @Test
    void behindATrustedProxyTheForwardedClientAndHostCount() throws Exception {
        var filter = new ClientAddressFilter(new TrustedProxies(List.of("10.0.0.0/8")));
        var request = request("10.0.0.2", "6.6.6.6, 198.51.100.4");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "exitbot.example.org");
        var seen = new AtomicReference<HttpServletRequest>();
        new MockFilterChain(capture(seen), filter).doFilter(request, new MockHttpServletResponse());
        assertThat(seen.get().getRemoteAddr()).isEqualTo("198.51.100.4");
        assertThat(seen.get().getScheme()).isEqualTo("https");
        assertThat(seen.get().getServerName()).isEqualTo("exitbot.example.org");
    }

    /** The servlet behind the filters, keeping the request as it arrives there. */
    private static HttpServlet capture(AtomicReference<HttpServletRequest> seen) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                seen.set(request);
            }
        };
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        var request = new MockHttpServletRequest("GET", "/api/chat/" + "T".repeat(43));
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
