package org.exitbot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Believes {@code X-Forwarded-*} (and {@code Forwarded}) only from the trusted proxies: from them the scheme, host,
 * port and the client's address come from those headers; from anyone else the headers are dropped unread. Everything
 * after this filter, the limits kept per address among them, sees the address it can rely on.
 */
class ClientAddressFilter extends OncePerRequestFilter {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies proxies;
    private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter dropped = new ForwardedHeaderFilter();

    ClientAddressFilter(TrustedProxies proxies) {
        this.proxies = proxies;
        this.dropped.setRemoveOnly(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (!proxies.trusts(peer)) {
            dropped.doFilter(request, response, chain);
            return;
        }
        String client = proxies.clientOf(peer, Collections.list(request.getHeaders(FORWARDED_FOR)));
        forwarded.doFilter(request, response, (req, res) ->
                chain.doFilter(new FromClient((HttpServletRequest) req, client), res));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static final class FromClient extends HttpServletRequestWrapper {

        private final String client;

        FromClient(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
