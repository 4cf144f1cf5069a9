package org.exitbot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Lets the Prometheus server in with the configured metrics token as a bearer token; 401 for any other one. */
class MetricsTokenFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "metrics";
    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final AuthenticationEntryPoint entryPoint;

    MetricsTokenFilter(MetricsSettings settings, AuthenticationEntryPoint entryPoint) {
        this.token = settings.token().getBytes(StandardCharsets.UTF_8);
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] presented = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        if (token.length == 0 || !MessageDigest.isEqual(token, presented)) {
            entryPoint.commence(request, response, new BadCredentialsException("The bearer token is not the metrics "
                    + "token (EXITBOT_METRICS_TOKEN)."));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-token", null,
                List.of(new SimpleGrantedAuthority(AUTHORITY))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
