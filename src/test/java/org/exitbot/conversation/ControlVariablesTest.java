package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.Transcripts;
import org.exitbot.security.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * HR, who may complete the exit process's tasks through engine-rest, cannot set or remove the variables the process
 * reads: each attempt is a 400 problem detail and the process, its variables and the questions asked stay as they
 * were; completing with the form's own fields still works.
 */
class ControlVariablesTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    Transcripts transcripts;

    InterviewDriver driver;

    @BeforeEach
    void driver() {
        driver = new InterviewDriver(interviews, processEngine.getTaskService(), this::runDueJobs);
    }

    @Test
    void completingTheAnswerTaskWithAControlVariableIsRefusedAndChangesNothing() {
        UUID interview = driver.start(HR_USER);
        Task task = answerTask(interview);
        Map<String, Object> before = processEngine.getRuntimeService().getVariables(task.getProcessInstanceId());
        List<String> asked = questionsAsked(interview);

        for (String control : ExitInterviewProcess.APP_VARIABLES) {
            var variables = Map.of(Var.ACTION, string("answer"), Var.ANSWER, string("forged"),
                    control, Map.of("value", control.endsWith("At") ? "2020-01-01T00:00:00.000+0000" : "99",
                            "type", control.endsWith("At") ? "Date" : "String"));
            for (String verb : List.of("complete", "submit-form", "bpmnError")) {
                var body = verb.equals("bpmnError")
                        ? Map.of("errorCode", "any", "variables", variables) : Map.of("variables", variables);
                assertRefused(post("/engine-rest/task/" + task.getId() + "/" + verb, body), control);
            }
            assertRefused(exchange(HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/variables/" + control,
                    string("99")), control);
            assertRefused(exchange(HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/localVariables/" + control,
                    string("99")), control);
            assertRefused(exchange(HttpMethod.DELETE, "/engine-rest/task/" + task.getId() + "/variables/" + control,
                    null), control);
            assertRefused(post("/engine-rest/task/" + task.getId() + "/variables",
                    Map.of("modifications", Map.of(control, string("99")))), control);
            assertRefused(post("/engine-rest/task/" + task.getId() + "/variables",
                    Map.of("deletions", List.of(control))), control);
            assertThat(exchange(HttpMethod.PUT, "/engine-rest/process-instance/" + task.getProcessInstanceId()
                    + "/variables/" + control, string("99")).getStatusCode().is4xxClientError()).as(control).isTrue();
        }

        assertThat(answerTask(interview).getId()).as("the same task still waits").isEqualTo(task.getId());
        assertThat(processEngine.getRuntimeService().getVariables(task.getProcessInstanceId())).isEqualTo(before);
        assertThat(questionsAsked(interview)).isEqualTo(asked);
        assertThat(transcripts.messages(interview)).noneMatch(m -> m.getKind() == MessageKind.ANSWER);
    }

    @Test
    void tasklistsSubmitFormWithAControlVariableIsRefusedToo() {
        UUID interview = driver.start(HR_USER);
        Task task = answerTask(interview);
        var tasklist = new WebSession(port);
        assertThat(tasklist.logInToCamunda("tasklist", HR_USER, HR_PASSWORD).statusCode()).isEqualTo(200);

        var forged = tasklist.postToCamunda("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"action\": {\"value\": \"answer\"}, \"answer\": {\"value\": \"x\"},"
                        + " \"questionNumber\": {\"value\": 99, \"type\": \"Integer\"}}}");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains(Var.QUESTION_NUMBER, "set by ExitBot itself");
        assertThat(answerTask(interview).getId()).isEqualTo(task.getId());
    }

    @Test
    void hrTypingTheAnswerInThroughEngineRestStillMovesToTheNextQuestion() {
        UUID interview = driver.start(HR_USER);
        Task task = answerTask(interview);

        var completed = post("/engine-rest/task/" + task.getId() + "/complete", Map.of("variables",
                Map.of(Var.ACTION, string("answer"), Var.ANSWER, string("Typed in by HR from a call"))));
        runDueJobs();

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(transcripts.messages(interview)).anyMatch(m -> m.getKind() == MessageKind.ANSWER
                && m.getText().equals("Typed in by HR from a call"));
        Task next = answerTask(interview);
        assertThat(next).isNotNull();
        assertThat(next.getId()).isNotEqualTo(task.getId());
    }

    @Test
    void completingTheReviewWithWhoReviewedItIsRefused() {
        UUID interview = driver.start(HR_USER);
        driver.complete(interview, "The team was great, the pay was not.");
        Task review = driver.reviewTask(interview);

        var forged = post("/engine-rest/task/" + review.getId() + "/complete", Map.of("variables", Map.of(
                "departureType", string("voluntary"), "regrettable", bool(true), "rehireEligible", bool(true),
                Var.REVIEWED_BY, string("someone-else"))));

        assertRefused(forged, Var.REVIEWED_BY);
        assertThat(driver.reviewTask(interview).getId()).isEqualTo(review.getId());
    }

    private static void assertRefused(ResponseEntity<String> response, String variable) {
        assertThat(response.getStatusCode()).as(variable).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains(variable).contains("set by ExitBot itself");
    }

    private List<String> questionsAsked(UUID interview) {
        return transcripts.messages(interview).stream()
                .filter(m -> m.getKind() == MessageKind.QUESTION || m.getKind() == MessageKind.FOLLOW_UP)
                .map(Message::getText).toList();
    }

    private Task answerTask(UUID interview) {
        return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(interview.toString())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult();
    }

    private ResponseEntity<String> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
        return http.withBasicAuth(HR_USER, HR_PASSWORD).exchange(path, method, new HttpEntity<>(body), String.class);
    }

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }
}
