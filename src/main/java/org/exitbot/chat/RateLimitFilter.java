package org.exitbot.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the employee endpoints per link token and per client address, counted for all nodes together; over the
 * limit they answer 429.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter perLink;
    private final RateLimiter perAddress;
    private final ObjectMapper objectMapper;

    public RateLimitFilter(ChatProperties properties, JdbcTemplate jdbc, Clock clock, ObjectMapper objectMapper) {
        this.perLink = new RateLimiter(jdbc, "link", properties.requestsPerMinutePerLink(), clock);
        this.perAddress = new RateLimiter(jdbc, "address", properties.requestsPerMinutePerAddress(), clock);
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = perAddress.acquire(request.getRemoteAddr());
        String token = token(request.getRequestURI());
        if (wait.isZero() && token != null) {
            wait = perLink.acquire(token);
        }
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests. Please wait a moment and try again.");
        problem.setTitle("Slow down");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds() + 1)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** The token of {@code /api/chat/{token}/...}, {@code /i/{token}} and {@code /erase/{token}}, else null. */
    static String token(String path) {
        String[] parts = path.split("/");
        if (parts.length > 3 && "api".equals(parts[1]) && "chat".equals(parts[2])) {
            return parts[3];
        }
        return parts.length > 2 && ("i".equals(parts[1]) || "erase".equals(parts[1])) ? parts[2] : null;
    }
}
