package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An HR system gets only what its scopes allow: a key or token scoped to {@code interviews.start} starts
 * interviews, and cannot read a transcript, a list, a report or the audit log, or erase anything; one scoped to
 * {@code actions.read} reads the theme actions and starts none. Keys and tokens without scopes keep HR's rights.
 */
class ApiScopesTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aKeyScopedToStartingInterviewsStartsThemAndReadsOrErasesNothing() {
        assertStartsButReadsNothing(key(START_KEY), "api-key:" + START_KEY_NAME);
    }

    @Test
    void aJwtScopedToStartingInterviewsStartsThemAndReadsOrErasesNothing() {
        assertStartsButReadsNothing(bearer(TestJwts.withScopes("hris-client", "openid exitbot.interviews.start")),
                "hris-client");
    }

    @Test
    void aJwtWithScopesForAnotherAppGetsNothing() {
        var response = exchange(HttpMethod.POST, "/api/interviews", bearer(TestJwts.withScopes("other-app",
                "interviews.start hr")), newInterview());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aKeyWithoutScopesKeepsHrsRights() {
        var started = exchange(HttpMethod.POST, "/api/interviews", key(API_KEY), newInterview());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = started.getBody().get("id").asText();
        assertThat(exchange(HttpMethod.GET, "/api/interviews/" + id, key(API_KEY), null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(exchange(HttpMethod.GET, "/api/reports/summary", key(API_KEY), null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(exchange(HttpMethod.DELETE, "/api/interviews/" + id, key(API_KEY), null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aJwtScopedToReadingActionsReadsThemAndStartsNone() {
        HttpHeaders reader = bearer(TestJwts.withScopes("action-board", "exitbot.actions.read"));
        assertThat(exchange(HttpMethod.GET, "/api/actions", reader, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange(HttpMethod.GET, "/api/actions/" + UUID.randomUUID(), reader, null).getStatusCode())
                .as("within the scope, and no such action").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(HttpMethod.POST, "/api/actions", reader, Map.of("theme", "role_fit")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(HttpMethod.GET, "/api/reports/summary", reader, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        HttpHeaders starter = bearer(TestJwts.withScopes("action-starter", "exitbot.actions.start"));
        assertThat(exchange(HttpMethod.POST, "/api/actions", starter, Map.of("theme", "no_such_theme"))
                .getStatusCode()).as("within the scope, and refused as bad input").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange(HttpMethod.GET, "/api/actions", starter, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void assertStartsButReadsNothing(HttpHeaders credentials, String startedBy) {
        var started = exchange(HttpMethod.POST, "/api/interviews", credentials, newInterview());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("createdBy").asText()).isEqualTo(startedBy);
        String id = started.getBody().get("id").asText();

        var csv = new HttpHeaders();
        csv.putAll(credentials);
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        String employeeId = "S-" + UUID.randomUUID().toString().substring(0, 8);
        var imported = http.exchange("/api/interviews/import", HttpMethod.POST, new HttpEntity<>(
                "employeeId,name,email,department,lastWorkingDay\n" + employeeId + ",Scoped Import," + employeeId
                        + "@private.test,Ops,2026-12-31\n", csv), JsonNode.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("started").asInt()).isEqualTo(1);

        for (String path : new String[] {"/api/interviews/" + id, "/api/interviews", "/api/interviews/" + id
                + "/analyses", "/api/reports/summary", "/api/reports/export?format=csv", "/api/audit/transcript-reads",
                "/api/question-sets"}) {
            var refused = exchange(HttpMethod.GET, path, credentials, null);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(exchange(HttpMethod.DELETE, "/api/interviews/" + id, credentials, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(HttpMethod.POST, "/api/analyses/rerun?scope=fallback", credentials, null)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(HttpMethod.PUT, "/api/question-sets/scoped?locale=en", credentials,
                Map.of("title", "Scoped", "questions", java.util.List.of(Map.of("id", "q", "text", "Why?"))))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(HttpMethod.GET, "/api/interviews/" + id, key(API_KEY), null).getStatusCode())
                .as("the interview is there, for HR").isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, HttpHeaders credentials, Object body) {
        var headers = new HttpHeaders();
        headers.putAll(credentials);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static HttpHeaders key(String key) {
        var headers = new HttpHeaders();
        headers.set(ApiKeyAuthenticationFilter.HEADER, key);
        return headers;
    }

    private static HttpHeaders bearer(String token) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private static Map<String, Object> newInterview() {
        String employeeId = "S-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("employeeId", employeeId, "name", "Sid Scoped", "email", employeeId + "@private.test",
                "department", "Ops", "lastWorkingDay", "2026-12-31");
    }
}
