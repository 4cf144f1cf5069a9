package org.exitbot.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/actions}: HR's start by hand, the list and one action; bad input is a problem, never half-stored. */
class ActionApiTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ThemeActionRepository actions;

    String department;

    @BeforeEach
    void department() {
        department = ActionFixtures.department();
        new ActionFixtures(jdbc).interviews(department, 6, Theme.CAREER_GROWTH, ActionFixtures.daysAgo(3));
    }

    @Test
    void hrStartsAnActionAndReadsItInTheListAndOnItsOwn() {
        ResponseEntity<JsonNode> created = hr().postForEntity("/api/actions",
                Map.of("theme", "career_growth", "department", department.toLowerCase()), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode action = created.getBody();
        String id = action.get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/actions/" + id);
        assertThat(action.get("theme").asText()).isEqualTo("career_growth");
        assertThat(action.get("department").asText()).isEqualTo(department);
        assertThat(action.get("origin").asText()).isEqualTo("hr");
        assertThat(action.get("startedBy").asText()).isEqualTo(HR_USER);
        assertThat(action.get("status").asText()).isEqualTo("planning");
        assertThat(action.at("/alert/interviews/count").asInt()).isEqualTo(6);
        assertThat(action.at("/alert/withTheme/count").asInt()).isEqualTo(6);
        assertThat(action.at("/alert/share").asText()).isEqualTo("100.0 %");
        assertThat(action.at("/waitingTask/name").asText()).isEqualTo("Plan an action");
        assertThat(action.get("effect").isNull()).isTrue();

        JsonNode one = hr().getForObject("/api/actions/" + id, JsonNode.class);
        assertThat(one.get("group").asText()).isEqualTo(department);
        JsonNode open = hr().getForObject("/api/actions?status=open", JsonNode.class);
        assertThat(open.findValuesAsText("id")).contains(id);
        assertThat(hr().getForObject("/api/actions?status=finished", JsonNode.class).findValuesAsText("id"))
                .doesNotContain(id);
    }

    @Test
    void allDepartmentsIsTheGroupWithoutADepartment() {
        ResponseEntity<JsonNode> created = hr().postForEntity("/api/actions",
                Map.of("theme", "job_security_org_change"), JsonNode.class);
        if (created.getStatusCode() == HttpStatus.CONFLICT) {
            // another test's check may have started it already: the rule holds either way
            assertThat(created.getBody().get("detail").asText()).contains("in All departments is open");
            return;
        }
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("department").isNull()).isTrue();
        assertThat(created.getBody().get("group").asText()).isEqualTo("All departments");
    }

    @Test
    void aSecondOpenActionOnTheSameThemeAndGroupIsAConflictAndNothingIsStored() {
        assertThat(hr().postForEntity("/api/actions", Map.of("theme", "role_fit", "department", department),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long before = actions.count();
        ResponseEntity<JsonNode> second = hr().postForEntity("/api/actions",
                Map.of("theme", "ROLE_FIT", "department", department.toUpperCase()), JsonNode.class);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getBody().get("title").asText()).isEqualTo("Action already open");
        assertThat(second.getBody().get("detail").asText()).contains("role fit in " + department);
        assertThat(actions.count()).isEqualTo(before);
    }

    @Test
    void missingUnknownAndOverlongFieldsAreListedInAProblem() {
        assertFieldError(Map.of(), "theme", "must not be blank");
        assertFieldError(Map.of("theme", "morale"), "theme", "must be one of compensation_benefits");
        assertFieldError(Map.of("theme", "role_fit", "department", "No such department"), "department",
                "has no interviews");
        assertFieldError(Map.of("theme", "role_fit", "department", "x".repeat(101)), "department", "size must be");
        assertFieldError(Map.of("theme", "x".repeat(41)), "theme", "size must be");
        assertThat(actions.findAll().stream().filter(a -> department.equals(a.getDepartment()))).isEmpty();
    }

    @Test
    void aWrongTypeOrMalformedJsonIsABadRequest() {
        var wrongType = new HashMap<String, Object>();
        wrongType.put("theme", Map.of("code", "role_fit"));
        ResponseEntity<JsonNode> typed = hr().postForEntity("/api/actions", wrongType, JsonNode.class);
        assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(typed.getBody().at("/errors/0/field").asText()).isEqualTo("theme");

        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> malformed = hr().postForEntity("/api/actions",
                new HttpEntity<>("{\"theme\": ", headers), JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed.getBody().get("title").asText()).isEqualTo("Malformed request");
    }

    @Test
    void anUnknownOrMalformedIdAndAnUnknownStatusAreProblems() {
        ResponseEntity<JsonNode> unknown = hr().getForEntity("/api/actions/" + UUID.randomUUID(), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().get("detail").asText()).startsWith("There is no action ");
        ResponseEntity<JsonNode> malformed = hr().getForEntity("/api/actions/not-an-id", JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<JsonNode> status = hr().getForEntity("/api/actions?status=all", JsonNode.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status.getBody().at("/errors/0/message").asText()).isEqualTo("must be open or finished");
    }

    @Test
    void theProcessKpisCoverTheThemeActions() {
        assertThat(hr().postForEntity("/api/actions", Map.of("theme", "tools_processes", "department", department),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode kpis = hr().getForObject("/api/reports/process?department=" + department,
                JsonNode.class);
        JsonNode actionsSection = kpis.get("otherProcesses").get(0);
        assertThat(actionsSection.get("key").asText()).isEqualTo(ThemeActionProcess.KEY);
        assertThat(actionsSection.get("stages")).extracting(s -> s.get("group").asText() + "=" + s.get("count").asInt())
                .contains("Started by HR=1", "Started by an alert=0", "Planned=0");
    }

    private void assertFieldError(Map<String, Object> body, String field, String message) {
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/actions", body, JsonNode.class);
        assertThat(response.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("title").asText()).isEqualTo("Invalid input");
        assertThat(response.getBody().get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).contains(message);
        });
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
