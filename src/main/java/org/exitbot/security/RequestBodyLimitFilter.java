package org.exitbot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Caps every request body before anything reads or parses it: a body announced as too large is answered 413 at
 * once, unread; a chunked one without a length is read up to its limit and answered 413 as soon as it passes it,
 * else handed on from memory. A chunked upload to the app itself is left to the container's multipart limits,
 * since the container parses it from its own stream.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final RequestBodyLimits limits;
    private final ProblemResponses problems;
    private final UrlPathHelper paths = new UrlPathHelper();

    RequestBodyLimitFilter(RequestBodyLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = paths.getPathWithinApplication(request);
        long limit = limits.bytesFor(path);
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            tooLarge(response, limit);
            return;
        }
        if (announced >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            chain.doFilter(request, response);
            return;
        }
        if (isMultipart(request) && (path.startsWith("/api/") || path.startsWith("/hr/"))) {
            // the container parses it for Spring MVC, within spring.servlet.multipart's limits (413 past them)
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        // the rest of the body is not read: close the connection rather than wait for it
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                "The request body is larger than the " + DataSize.ofBytes(limit).toKilobytes()
                        + " KiB this endpoint takes.");
        response.flushBuffer();
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
