package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.RawHttp;
import org.exitbot.hr.SignedDelivery;
import org.exitbot.interview.InterviewRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every request body is capped before anything reads or parses it; past the cap the answer is 413 as a problem,
 * whether the body announces its length or comes in chunks.
 */
class RequestBodyLimitsTest extends ExitBotIntegrationTest {

    private static final String FORGED_TOKEN = "F".repeat(43);
    private static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    InterviewRepository interviews;

    @Test
    void sixtyFourMebibytesToTheChatWithAForgedTokenAreRefusedBeforeTheyAreRead() {
        var response = RawHttp.announceAndSendPart(port, "POST", "/api/chat/" + FORGED_TOKEN + "/messages",
                Map.of("Content-Type", "application/json"), 64L * MIB, 64 * 1024);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void aChunkedChatBodyWithoutALengthIsCutOffAtTheLimit() {
        var response = RawHttp.chunkedWithoutEnd(port, "POST", "/api/chat/" + FORGED_TOKEN + "/messages",
                Map.of("Content-Type", "application/json"), 16 * 1024, 64);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        String employeeId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = ("{\"employeeId\": \"" + employeeId + "\", \"name\": \"Chunked Leaver\", \"email\": \""
                + employeeId + "@private.test\", \"department\": \"Ops\", \"lastWorkingDay\": \"2026-12-20\"}")
                .getBytes(StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/interviews"))
                .header("Content-Type", "application/json").header("Authorization", basicValue())
                // no length known up front: the client sends it chunked
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains(employeeId);
    }

    @Test
    void theLongestAnswerFitsEvenWithEveryCharacterEscaped() {
        // EXITBOT_ANSWER_MAX_LENGTH characters, each written as \\u00e9 by a client that escapes all non-ASCII
        String body = "{\"text\": \"" + "\\u00e9".repeat(5000) + "\"}";
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.postForEntity("/api/chat/" + FORGED_TOKEN + "/messages",
                new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("read, and then the token is unknown").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aWebhookCallOver64KibIsRefusedEvenWhenSigned() {
        String employeeId = "L-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"employeeId\": \"" + employeeId + "\", \"name\": \"Big Body\", \"email\": \"big@private.test\", "
                + "\"department\": \"Ops\", \"lastWorkingDay\": \"2026-12-20\", \"padding\": \""
                + "p".repeat(64 * 1024) + "\"}";
        var delivery = SignedDelivery.of(body);
        ResponseEntity<JsonNode> response = http.postForEntity("/api/hooks/offboarding",
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), delivery.headers()), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(interviews.findByEmployeeIdAndLastWorkingDay(employeeId, java.time.LocalDate.parse("2026-12-20")))
                .isEmpty();
    }

    @Test
    void aCsvImportOverTwoMebibytesIsRefused() {
        var asBody = RawHttp.announceAndSendPart(port, "POST", "/api/interviews/import",
                Map.of("Content-Type", "text/csv", "Authorization", basicValue()), 2L * MIB + 1, 64 * 1024);
        assertThat(asBody.status()).isEqualTo(413);
        assertThat(asBody.header("Content-Type")).startsWith("application/problem+json");

        var asFile = RawHttp.announceAndSendPart(port, "POST", "/api/interviews/import",
                Map.of("Content-Type", "multipart/form-data; boundary=leavers", "Authorization", basicValue()),
                3L * MIB, 64 * 1024);
        assertThat(asFile.status()).isEqualTo(413);
        assertThat(asFile.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aCsvFileUnderTheLimitIsStillRead() {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(csvOf(1536 * 1024).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "leavers.csv";
            }
        });
        var headers = basic();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> response = http.exchange("/api/interviews/import", HttpMethod.POST,
                new HttpEntity<>(parts, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("too many rows, but read").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/message").asText()).contains("at most 2000");
    }

    @Test
    void aChunkedCsvImportIsCutOffAtTheLimit() {
        var response = RawHttp.chunkedWithoutEnd(port, "POST", "/api/interviews/import",
                Map.of("Content-Type", "text/csv", "Authorization", basicValue()), 64 * 1024, 40);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void aChunkedUploadToCamundaIsCutOffAtItsLimitToo() {
        var response = RawHttp.chunkedWithoutEnd(port, "POST", "/engine-rest/deployment/create",
                Map.of("Content-Type", "multipart/form-data; boundary=deployment", "Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8))),
                64 * 1024, 11 * 16);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void aCsvImportUnderTheLimitIsStillRead() {
        ResponseEntity<JsonNode> response = hr(HttpMethod.POST, "/api/interviews/import", csvOf(MIB), "text/csv");
        assertThat(response.getStatusCode()).as("too many rows, but read").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/message").asText()).contains("at most 2000");
    }

    @Test
    void aQuestionSetOver128KibIsRefused() {
        String set = "{\"title\": \"Huge\", \"questions\": [{\"id\": \"q\", \"text\": \"" + "w".repeat(128 * 1024)
                + "\"}]}";
        ResponseEntity<JsonNode> response = hr(HttpMethod.PUT, "/api/question-sets/huge?locale=en", set,
                "application/json");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void anyOtherApiBodyOver64KibIsRefused() {
        String body = "{\"employeeId\": \"X-1\", \"name\": \"" + "n".repeat(64 * 1024) + "\"}";
        ResponseEntity<JsonNode> response = hr(HttpMethod.POST, "/api/interviews", body, "application/json");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<JsonNode> hr(HttpMethod method, String path, String body, String contentType) {
        var headers = basic();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return http.exchange(path, method, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                JsonNode.class);
    }

    private static String basicValue() {
        return "Basic " + Base64.getEncoder().encodeToString((HR_USER + ":" + HR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpHeaders basic() {
        var headers = new HttpHeaders();
        headers.setBasicAuth(HR_USER, HR_PASSWORD);
        return headers;
    }

    /** A CSV of leavers of at least {@code size} bytes, every row valid. */
    private static String csvOf(int size) {
        var csv = new StringBuilder("employeeId,name,email,department,lastWorkingDay\n");
        for (int row = 0; csv.length() < size; row++) {
            csv.append("B-").append(row).append(",Bulk Leaver,bulk").append(row).append("@private.test,Ops,2026-12-31\n");
        }
        return csv.toString();
    }
}
