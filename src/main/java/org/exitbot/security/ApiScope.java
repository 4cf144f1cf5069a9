package org.exitbot.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * What an HR system's API key or JWT may be limited to. A key or token without scopes has all of HR's rights on
 * {@code /api/**}; one with scopes reaches only their endpoints. An endpoint that no scope names needs HR's rights.
 */
enum ApiScope {

    INTERVIEWS_START("interviews.start", endpoint(HttpMethod.POST, "/api/interviews"),
            endpoint(HttpMethod.POST, "/api/interviews/import")),
    INTERVIEWS_READ("interviews.read", endpoint(HttpMethod.GET, "/api/interviews"),
            endpoint(HttpMethod.GET, "/api/interviews/*"), endpoint(HttpMethod.GET, "/api/interviews/*/analyses")),
    INTERVIEWS_ERASE("interviews.erase", endpoint(HttpMethod.DELETE, "/api/interviews/*")),
    ANALYSES_RUN("analyses.run", endpoint(HttpMethod.POST, "/api/interviews/*/analysis"),
            endpoint(HttpMethod.POST, "/api/analyses/rerun")),
    QUESTION_SETS_READ("question-sets.read", endpoint(HttpMethod.GET, "/api/question-sets"),
            endpoint(HttpMethod.GET, "/api/question-sets/**")),
    QUESTION_SETS_WRITE("question-sets.write", endpoint(HttpMethod.POST, "/api/question-sets"),
            endpoint(HttpMethod.PUT, "/api/question-sets/*")),
    REPORTS_READ("reports.read", endpoint(HttpMethod.GET, "/api/reports/**")),
    COMMENTS_READ("comments.read", endpoint(HttpMethod.GET, "/api/anonymous-comments")),
    ACTIONS_READ("actions.read", endpoint(HttpMethod.GET, "/api/actions"), endpoint(HttpMethod.GET, "/api/actions/*")),
    ACTIONS_START("actions.start", endpoint(HttpMethod.POST, "/api/actions")),
    AUDIT_READ("audit.read", endpoint(HttpMethod.GET, "/api/audit/**"));

    /** A JWT names the scopes with this prefix ({@code exitbot.interviews.start}), apart from other apps' scopes. */
    static final String JWT_PREFIX = "exitbot.";
    static final String AUTHORITY_PREFIX = "SCOPE_";

    record Endpoint(HttpMethod method, String pattern) {
    }

    private final String code;
    private final List<Endpoint> endpoints;

    ApiScope(String code, Endpoint... endpoints) {
        this.code = code;
        this.endpoints = List.of(endpoints);
    }

    String code() {
        return code;
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    String authority() {
        return AUTHORITY_PREFIX + code;
    }

    static Optional<ApiScope> byCode(String code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ApiScope::code).toList());
    }

    private static Endpoint endpoint(HttpMethod method, String pattern) {
        return new Endpoint(method, pattern);
    }
}
