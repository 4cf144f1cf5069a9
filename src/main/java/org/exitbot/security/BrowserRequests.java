package org.exitbot.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/** What a request says about where it comes from: a browser, and which site's page made it. */
final class BrowserRequests {

    static final String FETCH_SITE = "Sec-Fetch-Site";
    static final String FETCH_MODE = "Sec-Fetch-Mode";

    private BrowserRequests() {
    }

    /**
     * A browser's request: every current browser sends fetch metadata; older ones are known by an XHR header or by
     * asking for a page.
     */
    static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader(FETCH_MODE) != null || request.getHeader("X-Requested-With") != null
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"));
    }

    /**
     * Made by a page of another site: an {@code Origin} that is neither this request's own (scheme, host and port as
     * the app sees them) nor the public URL's, or fetch metadata that says so. {@code Origin: null} is foreign.
     */
    static boolean isCrossSite(HttpServletRequest request, URI publicUrl) {
        String site = request.getHeader(FETCH_SITE);
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        String own = origin(request.getScheme(), request.getServerName(), request.getServerPort());
        String configured = origin(publicUrl.getScheme(), publicUrl.getHost(), publicUrl.getPort());
        String given;
        try {
            URI uri = URI.create(origin.trim());
            given = uri.getScheme() == null || uri.getHost() == null ? null
                    : origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException unreadable) {
            given = null;
        }
        return given == null || (!given.equals(own) && !given.equals(configured));
    }

    private static String origin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        int effective = port >= 0 ? port : "https".equals(lowerScheme) ? 443 : 80;
        return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + effective;
    }
}
