package org.exitbot.hr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HR system's side: signed JSON deliveries, as its integration would send them. */
class OffboardingWebhookTest extends ExitBotIntegrationTest {

    private static final String PATH = "/api/hooks/offboarding";

    @Autowired
    TestRestTemplate http;

    @Autowired
    InterviewRepository interviews;

    @Test
    void theFirstCallStartsTheInterviewAndANewDeliveryForTheSameLeaverAnswersWithTheSameOne() {
        String body = leaver(id(), "2026-12-20");
        ResponseEntity<JsonNode> first = post(SignedDelivery.of(body));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("createdBy").asText()).isEqualTo("webhook");
        long count = interviews.count();

        ResponseEntity<JsonNode> again = post(SignedDelivery.of(body));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(interviews.count()).isEqualTo(count);
        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain(first.getBody().get("email").asText())).hasSize(1);
    }

    @Test
    void aReplayedDeliveryIsRefusedAndStartsNothing() {
        String body = leaver(id(), "2026-12-20");
        var delivery = SignedDelivery.of(body);
        ResponseEntity<JsonNode> first = post(delivery);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long count = interviews.count();

        ResponseEntity<JsonNode> replay = post(delivery);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(replay.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(replay.getBody().get("detail").asText()).contains("already");
        assertThat(replay.getBody().has("email")).isFalse();
        assertThat(interviews.count()).isEqualTo(count);
        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain(first.getBody().get("email").asText())).hasSize(1);
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsRefused() {
        String body = leaver(id(), "2026-12-20");
        long count = interviews.count();
        var stale = post(SignedDelivery.of(body, "d-" + UUID.randomUUID(), Instant.now().minusSeconds(301)));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(stale.getBody().get("detail").asText()).contains("5 minutes");
        var future = post(SignedDelivery.of(body, "d-" + UUID.randomUUID(), Instant.now().plusSeconds(301)));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(interviews.count()).isEqualTo(count);
        var late = post(SignedDelivery.of(body, "d-" + UUID.randomUUID(), Instant.now().minusSeconds(240)));
        assertThat(late.getStatusCode()).as("four minutes late is in time").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theSignatureCoversTheTimestampAndTheDelivery() {
        String body = leaver(id(), "2026-12-20");
        long count = interviews.count();
        var delivery = SignedDelivery.of(body);
        assertThat(post(delivery.withSignature(sign(body))).getStatusCode()).as("the body alone signed")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(delivery.withDelivery("d-" + UUID.randomUUID())).getStatusCode()).as("another delivery id")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        var otherTime = new SignedDelivery(body, delivery.delivery(), delivery.timestamp() - 1, delivery.signature());
        assertThat(post(otherTime).getStatusCode()).as("another timestamp").isEqualTo(HttpStatus.UNAUTHORIZED);
        var headers = delivery.headers();
        headers.remove("X-ExitBot-Delivery");
        assertThat(http.postForEntity(PATH, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                JsonNode.class).getStatusCode()).as("no delivery id").isEqualTo(HttpStatus.UNAUTHORIZED);
        headers = delivery.headers();
        headers.remove("X-ExitBot-Timestamp");
        assertThat(http.postForEntity(PATH, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                JsonNode.class).getStatusCode()).as("no timestamp").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(interviews.count()).isEqualTo(count);
        assertThat(post(delivery).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aReplayAfterErasureStartsNoInterviewAndSendsNoSecondInvitation() {
        String employee = id();
        String body = leaver(employee, "2026-12-20");
        var delivery = SignedDelivery.of(body);
        ResponseEntity<JsonNode> first = post(delivery);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String email = first.getBody().get("email").asText();
        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain(email)).hasSize(1);
        assertThat(http.withBasicAuth(HR_USER, HR_PASSWORD).exchange("/api/interviews/" + first.getBody().get("id")
                .asText(), HttpMethod.DELETE, null, Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(post(delivery).getStatusCode()).as("the same delivery again").isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> resent = post(SignedDelivery.of(body));
        assertThat(resent.getStatusCode()).as("the same leaver in a new delivery").isEqualTo(HttpStatus.CONFLICT);
        assertThat(resent.getBody().has("email")).isFalse();
        assertThat(interviews.findByEmployeeIdAndLastWorkingDay(employee, LocalDate.parse("2026-12-20"))).isEmpty();
        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain(email)).hasSize(1);
    }

    @Test
    void aLeaverWhoseInterviewHrStartedAndErasedIsNotStartedAgainByTheWebhook() {
        String employee = id();
        String body = leaver(employee, "2026-12-22");
        var started = http.withBasicAuth(HR_USER, HR_PASSWORD).postForEntity("/api/interviews",
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), SignedDelivery.of(body).headers()),
                JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.withBasicAuth(HR_USER, HR_PASSWORD).exchange("/api/interviews/" + started.getBody().get("id")
                .asText(), HttpMethod.DELETE, null, Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(post(SignedDelivery.of(body)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(interviews.findByEmployeeIdAndLastWorkingDay(employee, LocalDate.parse("2026-12-22"))).isEmpty();
    }

    @Test
    void aNewLastWorkingDayWhileTheFirstInterviewIsOpenIsAConflict() {
        String employee = id();
        String first = leaver(employee, "2026-12-20");
        assertThat(post(SignedDelivery.of(first)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String moved = leaver(employee, "2027-01-15");
        ResponseEntity<JsonNode> response = post(SignedDelivery.of(moved));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void callsWithoutAValidSignatureAreRefusedAndStartNothing() {
        String body = leaver(id(), "2026-12-20");
        long count = interviews.count();
        var delivery = SignedDelivery.of(body);
        assertThat(post(delivery.withSignature(null)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(delivery.withSignature("sha256=zz")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(delivery.withSignature(delivery.signature().replace("sha256=", "sha1=")))
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        String other = leaver(id(), "2026-12-21");
        ResponseEntity<JsonNode> wrongBody = post(new SignedDelivery(body, delivery.delivery(), delivery.timestamp(),
                SignedDelivery.of(other, delivery.delivery(), Instant.ofEpochSecond(delivery.timestamp())).signature()));
        assertThat(wrongBody.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongBody.getBody().get("detail").asText()).contains("does not match");
        assertThat(post(new SignedDelivery(body + " ", delivery.delivery(), delivery.timestamp(), delivery.signature()))
                .getStatusCode()).as("the raw body is signed").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(interviews.count()).isEqualTo(count);
    }

    @Test
    void signedButInvalidCallsAreProblemsWithTheirFields() {
        String missing = "{\"employeeId\": \"" + id() + "\", \"email\": \"nope\", \"lastWorkingDay\": \"2026-12-20\"}";
        ResponseEntity<JsonNode> invalid = post(SignedDelivery.of(missing));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("department", "email", "name");

        String badDate = leaver(id(), "20.12.2026");
        ResponseEntity<JsonNode> date = post(SignedDelivery.of(badDate));
        assertThat(date.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(date.getBody().at("/errors/0/field").asText()).isEqualTo("lastWorkingDay");

        String broken = "{\"employeeId\": ";
        ResponseEntity<JsonNode> malformed = post(SignedDelivery.of(broken));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("title").asText()).isEqualTo("Malformed request");
    }

    private ResponseEntity<JsonNode> post(SignedDelivery delivery) {
        return http.postForEntity(PATH, new HttpEntity<>(delivery.body().getBytes(StandardCharsets.UTF_8),
                delivery.headers()), JsonNode.class);
    }

    /** The old scheme: HMAC-SHA256 of the body alone, which a replay could reuse for ever. */
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
