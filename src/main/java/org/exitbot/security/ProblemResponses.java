package org.exitbot.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** 401, 403 and 429 as problem details, like every other API error. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Without credentials: how to log in; with wrong ones: what was wrong with them. A browser is not asked for
     * Basic credentials: once answered, it would send them by itself with any site's requests.
     */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            throttled(response, throttled);
            return;
        }
        if (e instanceof OAuth2AuthenticationException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        } else if (!BrowserRequests.isBrowser(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ExitBot\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required", e instanceof InsufficientAuthenticationException
                ? "Log in with an HR user (HTTP Basic, the same user as in Camunda Tasklist), or send an API key "
                        + "(X-API-Key) or a bearer token."
                : e.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "Not allowed",
                    "The page's security token is missing or stale: reload the page and try again.");
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "Not allowed", SecurityConfiguration.METRICS.equals(request.getRequestURI())
                ? "The metrics are for Camunda administrators and the metrics token (EXITBOT_METRICS_TOKEN)."
                : "This needs a user in the group 'hr', or an API key or token whose scopes cover this call.");
    }

    void throttled(HttpServletResponse response, LoginThrottledException e) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", e.getMessage());
    }

    void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
