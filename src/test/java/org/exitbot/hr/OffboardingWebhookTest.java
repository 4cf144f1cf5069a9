package org.exitbot.hr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.interview.InterviewRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HR system's side: signed JSON calls, as its integration would send them. */
class OffboardingWebhookTest extends ExitBotIntegrationTest {

    private static final String PATH = "/api/hooks/offboarding";

    @Autowired
    TestRestTemplate http;

    @Autowired
    InterviewRepository interviews;

    @Test
    void theFirstCallStartsTheInterviewAndARepeatAnswersWithTheSameOne() {
        String body = leaver(id(), "2026-12-20");
        ResponseEntity<JsonNode> first = post(body, sign(body));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("createdBy").asText()).isEqualTo("webhook");
        long count = interviews.count();

        ResponseEntity<JsonNode> replay = post(body, sign(body));
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replay.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(interviews.count()).isEqualTo(count);
        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain(first.getBody().get("email").asText())).hasSize(1);
    }

    @Test
    void aNewLastWorkingDayWhileTheFirstInterviewIsOpenIsAConflict() {
        String employee = id();
        String first = leaver(employee, "2026-12-20");
        assertThat(post(first, sign(first)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String moved = leaver(employee, "2027-01-15");
        ResponseEntity<JsonNode> response = post(moved, sign(moved));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void callsWithoutAValidSignatureAreRefusedAndStartNothing() {
        String body = leaver(id(), "2026-12-20");
        long count = interviews.count();
        assertThat(post(body, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(body, "sha256=zz").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(body, sign(body).replace("sha256=", "sha1=")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        String other = leaver(id(), "2026-12-21");
        ResponseEntity<JsonNode> wrongBody = post(body, sign(other));
        assertThat(wrongBody.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongBody.getBody().get("detail").asText()).contains("does not match");
        assertThat(post(body + " ", sign(body)).getStatusCode()).as("the raw body is signed").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(interviews.count()).isEqualTo(count);
    }

    @Test
    void signedButInvalidCallsAreProblemsWithTheirFields() {
        String missing = "{\"employeeId\": \"" + id() + "\", \"email\": \"nope\", \"lastWorkingDay\": \"2026-12-20\"}";
        ResponseEntity<JsonNode> invalid = post(missing, sign(missing));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("department", "email", "name");

        String badDate = leaver(id(), "20.12.2026");
        ResponseEntity<JsonNode> date = post(badDate, sign(badDate));
        assertThat(date.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(date.getBody().at("/errors/0/field").asText()).isEqualTo("lastWorkingDay");

        String broken = "{\"employeeId\": ";
        ResponseEntity<JsonNode> malformed = post(broken, sign(broken));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("title").asText()).isEqualTo("Malformed request");
    }

    private ResponseEntity<JsonNode> post(String body, String signature) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("X-ExitBot-Signature", signature);
        }
        return http.postForEntity(PATH, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    /** What the HR system computes: HMAC-SHA256 of the exact bytes it sends, under the shared secret. */
    static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String leaver(String employeeId, String lastWorkingDay) {
        return "{\"employeeId\": \"" + employeeId + "\", \"name\": \"Hook Leaver\", \"email\": \"hook."
                + employeeId.toLowerCase() + "@private.test\", \"department\": \"Logistics\", \"lastWorkingDay\": \""
                + lastWorkingDay + "\"}";
    }

    private static String id() {
        return "W-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
