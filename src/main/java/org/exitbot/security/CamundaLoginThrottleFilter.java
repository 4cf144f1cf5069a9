package org.exitbot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login throttle on the two doors Camunda checks passwords at itself: HTTP Basic on {@code /engine-rest} and the
 * webapps' login form. A throttled attempt is answered 429 before Camunda sees it; Camunda's answer then tells a
 * failed attempt (401) from one whose password was right.
 */
class CamundaLoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    private static final int LARGEST_LOGIN_FORM = 8 * 1024;

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    CamundaLoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest forward = request;
        String account = null;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/engine-rest/")) {
            account = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
        } else if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
            byte[] form = request.getInputStream().readNBytes(LARGEST_LOGIN_FORM + 1);
            if (form.length > LARGEST_LOGIN_FORM) {
                problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "A login form is smaller.");
                return;
            }
            var buffered = new BufferedBodyRequest(request, form);
            account = buffered.getParameter("username");
            forward = buffered;
        }
        if (account == null || account.isBlank()) {
            chain.doFilter(forward, response);
            return;
        }
        String address = request.getRemoteAddr();
        LoginThrottle.Check check = throttle.check(account, address);
        if (check.waitFor().isPresent()) {
            problems.throttled(response, new LoginThrottledException(check.waitFor().get()));
            return;
        }
        chain.doFilter(forward, response);
        int status = response.getStatus();
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(account, address);
        } else if (status < 400 || status == HttpStatus.FORBIDDEN.value()) {
            throttle.succeeded(account, check);
        }
    }

    /** The user of an HTTP Basic header, as Camunda's Basic authentication reads it; null without one. */
    private static String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
