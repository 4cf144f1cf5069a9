package org.exitbot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@value #HEADER} as the HR system the key belongs to, with HR's rights or its
 * scopes; 401 for a wrong key.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        var key = keys.keyOf(presented);
        if (key.isEmpty()) {
            entryPoint.commence(request, response,
                    new BadCredentialsException("The " + HEADER + " header holds no valid API key."));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        List<SimpleGrantedAuthority> authorities = key.get().scopes().isEmpty()
                ? List.of(new SimpleGrantedAuthority(SecurityConfiguration.HR_AUTHORITY))
                : key.get().scopes().stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).toList();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(key.get().principal(), null,
                authorities));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
