package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AccessTest extends ExitBotIntegrationTest {

    static final String OUTSIDER = "outsider";
    static final String OUTSIDER_PASSWORD = "outsider-password";
    /** Only ever used with a wrong password: failed logins are counted per account. */
    static final String UNLUCKY = "unlucky";

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void aCamundaUserOutsideHr() {
        for (String id : new String[] {OUTSIDER, UNLUCKY}) {
            if (identityService.createUserQuery().userId(id).count() == 0) {
                var user = identityService.newUser(id);
                user.setPassword(OUTSIDER_PASSWORD);
                identityService.saveUser(user);
            }
        }
    }

    @Test
    void hrEndpointsWithoutCredentialsAnswer401AsAProblem() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/interviews", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(http.postForEntity("/api/interviews", InterviewPayload.VALID, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongPasswordIs401() {
        assertThat(http.withBasicAuth(UNLUCKY, "wrong").getForEntity("/api/interviews", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("nobody-at-all", "wrong").getForEntity("/api/interviews", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aCamundaUserOutsideHrIs403() {
        var outsider = http.withBasicAuth(OUTSIDER, OUTSIDER_PASSWORD);
        ResponseEntity<JsonNode> response = outsider.getForEntity("/api/interviews", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Not allowed");
        assertThat(outsider.postForEntity("/api/interviews", InterviewPayload.VALID, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theEngineRestApiNeedsALogin() {
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(HR_USER, HR_PASSWORD).getForEntity("/engine-rest/process-definition",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** A body that would be accepted, so only authentication decides. */
    static final class InterviewPayload {
        static final java.util.Map<String, Object> VALID = java.util.Map.of("employeeId", "E-ACCESS",
                "name", "Someone", "email", "someone@private.test", "department", "Ops",
                "lastWorkingDay", "2026-12-31");
    }
}
