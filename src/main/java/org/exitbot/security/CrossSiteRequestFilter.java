package org.exitbot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser that once answered a Basic prompt sends those credentials with every request to the app, whichever
 * site's page makes it. So: a request made by another site's page is refused (403), and a request that carries
 * credentials in a header (Basic, an API key, a bearer token), being a script's, may send only the content types
 * the API documents (else 415), never what a cross-site form can send as {@code text/plain} or a form.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    /** What scripts send: JSON bodies, question sets in YAML, leavers in CSV, or a file upload. */
    static final List<MediaType> SCRIPT_TYPES = List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType(
            "application/yaml"), MediaType.parseMediaType("text/csv"), MediaType.MULTIPART_FORM_DATA);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final URI publicUrl;
    private final ProblemResponses problems;
    private final boolean checkContentTypes;

    /** @param checkContentTypes whether header credentials restrict the content type too (the app's API) */
    CrossSiteRequestFilter(URI publicUrl, ProblemResponses problems, boolean checkContentTypes) {
        this.publicUrl = publicUrl;
        this.problems = problems;
        this.checkContentTypes = checkContentTypes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (BrowserRequests.isCrossSite(request, publicUrl)) {
            problems.write(response, HttpStatus.FORBIDDEN, "Cross-site request",
                    "Requests made by another site's pages are refused.");
            return;
        }
        if (checkContentTypes && carriesHeaderCredentials(request) && !SAFE_METHODS.contains(request.getMethod())
                && !isScriptContent(request)) {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
                    "With credentials in a header, send application/json, application/yaml (question sets), "
                            + "text/csv or multipart/form-data (leaver imports).");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesHeaderCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null;
    }

    private static boolean isScriptContent(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
        }
        try {
            MediaType given = MediaType.parseMediaType(type);
            return SCRIPT_TYPES.stream().anyMatch(allowed -> allowed.includes(given));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
