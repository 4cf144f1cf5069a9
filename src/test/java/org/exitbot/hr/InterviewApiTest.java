package org.exitbot.hr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.interview.InterviewRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class InterviewApiTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    InterviewRepository interviews;

    @Test
    void missingAndInvalidFieldsAreListedInAProblem() {
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/interviews",
                Map.of("email", "not-an-email", "locale", "english"), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("employeeId", "name", "email", "department", "lastWorkingDay", "locale");
    }

    @Test
    void aDateThatIsNotIsoIsAFieldError() {
        var body = valid();
        body.put("lastWorkingDay", "31.12.2026");
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/interviews", body, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("lastWorkingDay");
        assertThat(response.getBody().at("/errors/0/message").asText()).contains("ISO date");
    }

    @Test
    void anUnsupportedLocaleOrUnknownQuestionSetIsAFieldError() {
        var body = valid();
        body.put("locale", "it");
        assertThat(hr().postForEntity("/api/interviews", body, JsonNode.class).getBody().at("/errors/0/field").asText())
                .isEqualTo("locale");
        body = valid();
        body.put("questionSet", "no-such-set");
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/interviews", body, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("questionSet");
    }

    @Test
    void malformedJsonIsABadRequest() {
        var request = new org.springframework.http.HttpEntity<>("{\"name\": ", jsonHeaders());
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/interviews", request, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Malformed request");
    }

    @Test
    void aSecondOpenInterviewForTheSameEmployeeIsAConflictAndNothingIsCreated() {
        var body = valid();
        assertThat(hr().postForEntity("/api/interviews", body, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long before = interviews.count();
        ResponseEntity<JsonNode> second = hr().postForEntity("/api/interviews", body, JsonNode.class);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("detail").asText()).contains((String) body.get("employeeId"));
        assertThat(interviews.count()).isEqualTo(before);
    }

    @Test
    void hrListsAndFiltersInterviewsAndReadsOne() {
        var body = valid();
        body.put("department", "Warehouse " + UUID.randomUUID());
        String id = hr().postForEntity("/api/interviews", body, JsonNode.class).getBody().get("id").asText();
        runDueJobs();

        JsonNode list = hr().getForObject("/api/interviews?status=invited&department=" + body.get("department"),
                JsonNode.class);
        assertThat(list).extracting(i -> i.get("id").asText()).containsExactly(id);
        assertThat(hr().getForObject("/api/interviews?status=closed&department=" + body.get("department"),
                JsonNode.class)).isEmpty();

        JsonNode one = hr().getForObject("/api/interviews/" + id, JsonNode.class);
        assertThat(one.get("employeeId").asText()).isEqualTo(body.get("employeeId"));
        assertThat(one.at("/questionSet/name").asText()).isEqualTo("default");
        assertThat(one.get("transcript")).extracting(l -> l.get("kind").asText()).containsExactly("welcome", "question");
        assertThat(one.get("analysis").isNull()).isTrue();
    }

    @Test
    void unknownInterviewsAndBadFiltersAreProblems() {
        assertThat(hr().getForEntity("/api/interviews/" + UUID.randomUUID(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badStatus = hr().getForEntity("/api/interviews?status=sleeping", JsonNode.class);
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getBody().at("/errors/0/field").asText()).isEqualTo("status");
    }

    static Map<String, Object> valid() {
        var body = new HashMap<String, Object>();
        body.put("employeeId", "E-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("name", "Alex Sample");
        body.put("email", "alex.sample@private.test");
        body.put("department", "Sales");
        body.put("lastWorkingDay", "2026-12-31");
        return body;
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
