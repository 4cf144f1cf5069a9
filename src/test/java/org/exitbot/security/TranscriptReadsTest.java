package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.exitbot.security.TranscriptRead.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** Every way to a transcript leaves a line in the audit log: who, where, when. */
class TranscriptReadsTest extends ExitBotIntegrationTest {

    private static final String ANSWER = "My manager never once asked how the move went.";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    TranscriptReads reads;

    private InterviewDriver driver;
    private UUID interview;

    @BeforeEach
    void anInterviewWaitingForReview() {
        driver = new InterviewDriver(interviews, processEngine.getTaskService(), this::runDueJobs);
        interview = driver.start(HR_USER);
        driver.answer(interview, ANSWER);
        driver.stop(interview);
    }

    @Test
    void theApiLogsTheReaderAndHrReadsTheLog() {
        var hr = http.withBasicAuth(HR_USER, HR_PASSWORD);
        assertThat(hr.getForObject("/api/interviews/" + interview, String.class)).contains(ANSWER);

        assertThat(logged()).containsExactly(tuple(HR_USER, Channel.API));
        var log = hr.getForEntity("/api/audit/transcript-reads?interviewId=" + interview, JsonNode.class);
        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(log.getBody()).hasSize(1);
        assertThat(log.getBody().get(0).get("reader").asText()).isEqualTo(HR_USER);
        assertThat(log.getBody().get(0).get("channel").asText()).isEqualTo("api");
        assertThat(log.getBody().get(0).get("readAt").asText()).isNotBlank();
        assertThat(log.getBody().get(0).get("interviewId").asText()).isEqualTo(interview.toString());
    }

    @Test
    void theDashboardsInterviewPageIsLogged() {
        var browser = new WebSession(port);
        browser.logInToDashboard(HR_USER, HR_PASSWORD);
        var page = browser.get("/hr/interviews/" + interview);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(ANSWER);
        assertThat(logged()).containsExactly(tuple(HR_USER, Channel.DASHBOARD));
    }

    @Test
    void tasklistLoadingTheReviewFormIsLoggedAndOtherVariablesAreNot() {
        // as Tasklist asks for them: JSON variables as their text
        String formVariables = "/camunda/api/engine/engine/default/task/" + driver.reviewTask(interview).getId()
                + "/form-variables?deserializeValues=false";
        var tasklist = new WebSession(port);
        tasklist.logInToCamunda("tasklist", HR_USER, HR_PASSWORD);

        assertThat(tasklist.get(formVariables + "&variableNames=sentiment,department").body()).doesNotContain(ANSWER);
        assertThat(logged()).isEmpty();

        var form = tasklist.get(formVariables);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(ANSWER);
        assertThat(logged()).containsExactly(tuple(HR_USER, Channel.CAMUNDA_WEBAPP));
    }

    @Test
    void theEngineRestApiLogsTheTaskVariableAndVariableQueriesButHrGetsNoHistoricValues() {
        var hr = http.withBasicAuth(HR_USER, HR_PASSWORD);
        var task = driver.reviewTask(interview);
        assertThat(hr.getForObject("/engine-rest/task/" + task.getId() + "/variables/transcript?deserializeValue=false",
                String.class)).contains(ANSWER);
        assertThat(hr.getForObject("/engine-rest/variable-instance?deserializeValues=false&variableName=transcript"
                + "&processInstanceIdIn=" + task.getProcessInstanceId(), String.class)).contains(ANSWER);
        assertThat(logged()).containsExactly(tuple(HR_USER, Channel.ENGINE_REST), tuple(HR_USER, Channel.ENGINE_REST));

        String history = "/engine-rest/history/variable-instance?deserializeValues=false&variableName=transcript"
                + "&processInstanceId=" + task.getProcessInstanceId();
        assertThat(hr.getForObject(history, JsonNode.class)).as("no READ_HISTORY_VARIABLE for hr").isEmpty();
        assertThat(logged()).hasSize(2);
        var admin = http.withBasicAuth("admin", "admin-test-password");
        assertThat(admin.getForObject(history, String.class)).contains(ANSWER);
        assertThat(logged()).first().isEqualTo(tuple("admin", Channel.ENGINE_REST));
    }

    @Test
    void aTaskWithItsVariablesInReturnIsLoggedByWhatItHolds() {
        var hr = http.withBasicAuth(HR_USER, HR_PASSWORD);
        var task = driver.reviewTask(interview);
        assertThat(hr.getForObject("/engine-rest/task/" + task.getId(), String.class)).doesNotContain("\"summary\"");
        assertThat(logged()).as("a task without its variables shows nothing of the interview").isEmpty();

        var one = hr.getForEntity("/engine-rest/task/" + task.getId() + "?withTaskLocalVariablesInReturn=true",
                JsonNode.class);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody().toString()).contains("\"summary\"", "\"flags\"");
        assertThat(logged()).containsExactly(tuple(HR_USER, Channel.ENGINE_REST));

        var query = hr.getForObject("/engine-rest/task?withTaskLocalVariablesInReturn=true&processInstanceId="
                + task.getProcessInstanceId(), JsonNode.class);
        assertThat(query.toString()).contains("\"summary\"");
        assertThat(logged()).hasSize(2);
    }

    /** The log of this test's interview, newest first, as (reader, channel). */
    private List<Tuple> logged() {
        return reads.list(interview, 10).stream().map(read -> tuple(read.reader(), read.channel())).toList();
    }

    @Test
    void exportsHoldNoTranscript() {
        var hr = http.withBasicAuth(HR_USER, HR_PASSWORD);
        for (String format : List.of("csv", "json")) {
            assertThat(hr.getForObject("/api/reports/export?view=interviews&format=" + format, String.class))
                    .isNotEmpty().doesNotContain(ANSWER);
        }
        assertThat(logged()).isEmpty();
    }
}
