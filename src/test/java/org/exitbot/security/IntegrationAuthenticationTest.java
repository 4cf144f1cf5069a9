package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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

/** HR systems on the API: an API key, or a JWT of the configured issuer whose groups hold HR's. */
class IntegrationAuthenticationTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    TranscriptReads reads;

    @Test
    void anApiKeyActsAsItsHrSystem() {
        var started = exchange(HttpMethod.POST, "/api/interviews", apiKey(API_KEY), newInterview());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("createdBy").asText()).isEqualTo("api-key:" + API_KEY_NAME);
        assertThat(exchange(HttpMethod.GET, "/api/interviews", apiKey(API_KEY), null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrongApiKeyIs401AsAProblem() {
        var response = exchange(HttpMethod.GET, "/api/interviews", apiKey(API_KEY + "x"), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains("X-API-Key");
        assertThat(exchange(HttpMethod.GET, "/api/interviews", apiKey(""), null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aJwtWithTheHrGroupIsHrAndItsSubjectIsTheReader() {
        var started = exchange(HttpMethod.POST, "/api/interviews", bearer(TestJwts.valid("alice", List.of("staff", "hr"))),
                newInterview());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().get("createdBy").asText()).isEqualTo("alice");
        UUID id = UUID.fromString(started.getBody().get("id").asText());
        assertThat(exchange(HttpMethod.GET, "/api/interviews/" + id, bearer(TestJwts.valid("bob", List.of("hr"))), null)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reads.list(id, 10)).extracting(TranscriptRead::reader).containsExactly("bob");
    }

    @Test
    void aJwtWithoutTheHrGroupIs403() {
        var response = exchange(HttpMethod.GET, "/api/interviews", bearer(TestJwts.valid("carol", List.of("staff"))),
                null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anExpiredOrForeignJwtIs401() {
        for (String token : List.of(TestJwts.expired("dave", List.of("hr")), TestJwts.foreign("erin", List.of("hr")),
                "not-a-jwt")) {
            var response = exchange(HttpMethod.GET, "/api/interviews", bearer(token), null);
            assertThat(response.getStatusCode()).as(token).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, HttpHeaders headers, Object body) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static HttpHeaders apiKey(String key) {
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
        String employeeId = "I-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("employeeId", employeeId, "name", "Ira Integration", "email", employeeId + "@private.test",
                "department", "Ops", "lastWorkingDay", "2026-12-31");
    }
}
