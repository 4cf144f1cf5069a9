package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.chat.ChatReplies;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.NewInterview;
import org.exitbot.llm.OllamaStub;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.security.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The held-out check of an anonymous interview: its answers name a person and an address, and HR wrote both into
 * the process (a task comment, a task description, hence the operation log) while it ran. Once it closes, no
 * endpoint HR can reach, the app's or Camunda's, returns the words, the name or the address; the interview's own
 * id leads to nothing but the funnel. While it runs, the LLM's follow-up, made of the employee's words, stays off
 * every task and variable HR can read.
 */
class AnonymousInterviewTest extends ExitBotIntegrationTest {

    static final String WORDS = "the canteen coffee tasted of quiet regret";
    static final String EMPLOYEE = "Wendeline Tarrowby";
    static final String MANAGER = "Ottilie Quenbury";
    static final String ADDRESS = "47 Quillfeather Lane";
    static final String EMAIL = "w.tarrowby@private.example";
    static final String ANSWER = "Wendeline here. My manager " + MANAGER + " shouted at me every week, and " + WORDS
            + ". Write to me at " + ADDRESS + " or " + EMAIL + ".";

    @Autowired
    TestRestTemplate http;

    @Autowired
    InterviewRepository interviews;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void noEndpointHrCanReachTiesTheWordsOrWhoTheyNameToTheInterview() {
        String department = "Held-out-" + UUID.randomUUID().toString().substring(0, 8);
        Running running = answeredAnonymously(department);
        String id = running.id();
        String process = running.process();
        String token = running.token();

        Task waiting = processEngine.getTaskService().createTaskQuery().processInstanceId(process).singleResult();
        hrWritesIntoTheTask(waiting, "Wendeline mentioned " + MANAGER + " and " + ADDRESS);
        assertThat(get("/engine-rest/task/" + waiting.getId() + "/comment"))
                .as("HR can read what Camunda keeps, so the crawl below would see it").contains(ADDRESS);
        assertThat(wordsInCamundasHistory(process)).as("what the clean-up must reach").isPositive();
        JsonNode open = hr().getForObject("/api/interviews/" + id, JsonNode.class);
        assertThat(open.toString()).as("funnel only, even while it runs").doesNotContain("Quenbury", "Quillfeather", "quiet regret");

        http.postForEntity("/api/chat/" + token + "/stop", null, String.class);
        runDueJobs();
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(process)
                .singleResult().getEndActivityId()).as("no review task").isEqualTo("EndEvent_AnonymousInterviewClosed");
        runDueJobs(); // the history clean-up step
        await().atMost(Duration.ofSeconds(10)).until(() -> processEngine.getHistoryService()
                .createHistoricVariableInstanceQuery().processInstanceId(process).includeDeleted().count() == 0);

        assertThat(wordsInCamundasHistory(process)).as("comments, task descriptions, operation log").isZero();
        Map<String, String> responses = crawl(id, process, department, waiting.getId());
        responses.forEach((endpoint, body) -> assertThat(body).as(endpoint)
                .doesNotContain(WORDS, "quiet regret", "Ottilie", "Quenbury", "Quillfeather", EMAIL, "Wendeline",
                        "Tarrowby"));
        assertThat(responses.get("GET /api/interviews/{id}")).contains(id).contains("\"status\":\"closed\"");
        assertThat(responses.get("GET /api/audit/transcript-reads?interviewId={id}")).contains(id);

        var closed = interviews.findById(UUID.fromString(id)).orElseThrow();
        assertThat(closed.getName()).isNull();
        assertThat(closed.getAnonymisedAt()).isNotNull();
        assertThat(jdbc.queryForList("select text from interview_message where interview_id = ?", String.class,
                closed.getId())).as("the interview keeps no words").allMatch(String::isEmpty);
        assertThat(jdbc.queryForList("select text from anonymous_comment where department = ?", String.class,
                department)).as("the answer, redacted, joined to nothing")
                .containsExactly("[name] here. My manager [name] shouted at me every week, and " + WORDS
                        + ". Write to me at [address] or [email].");
    }

    @Test
    void whileItRunsAFollowUpQuotingTheEmployeeReachesNoTaskOrVariableHrCanRead() {
        ollama.respondWith(request -> request.isFollowUpDecision()
                ? Reply.followUp("You said " + MANAGER + " came to " + ADDRESS + ": what happened then?")
                : OllamaStub.plausibleReply(request));
        Running running = answeredAnonymously("Held-out-" + UUID.randomUUID().toString().substring(0, 8));

        JsonNode state = http.getForObject("/api/chat/" + running.token(), JsonNode.class);
        assertThat(state.at("/awaiting/kind").asText()).isEqualTo("follow_up");
        assertThat(state.get("messages").toString()).as("the employee sees it").contains(ADDRESS);
        Task waiting = processEngine.getTaskService().createTaskQuery().processInstanceId(running.process())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult();
        for (String endpoint : List.of("/engine-rest/task?processInstanceBusinessKey={id}",
                "/engine-rest/task/{task}", "/engine-rest/task/{task}?withTaskLocalVariablesInReturn=true",
                "/engine-rest/task/{task}/variables", "/engine-rest/task/{task}/localVariables",
                "/engine-rest/task/{task}/form-variables", "/engine-rest/task/{task}/rendered-form",
                "/engine-rest/variable-instance?processInstanceIdIn={process}",
                "/engine-rest/history/variable-instance?processInstanceId={process}",
                "/engine-rest/history/detail?processInstanceId={process}",
                "/engine-rest/history/task?processInstanceId={process}")) {
            String path = endpoint.replace("{id}", running.id()).replace("{process}", running.process())
                    .replace("{task}", waiting.getId());
            var response = hr().getForEntity(path, String.class);
            assertThat(response.getStatusCode().is5xxServerError()).as(path).isFalse();
            assertThat(String.valueOf(response.getBody())).as(path).doesNotContain("Quenbury", "Quillfeather");
        }
        assertThat(get("/engine-rest/task/" + waiting.getId() + "/variables/" + ExitInterviewProcess.Var.CURRENT_PROMPT))
                .as("HR sees that a follow-up is asked").contains("anonymous").doesNotContain("Quenbury");
    }

    private record Running(String id, String process, String token) {
    }

    /** An anonymous interview of this test's employee, started by HR, whose first answer is {@link #ANSWER}. */
    private Running answeredAnonymously(String department) {
        var request = new NewInterview("E-" + UUID.randomUUID(), EMPLOYEE, EMAIL, department, "Engineer",
                MANAGER, LocalDate.now().plusDays(20), "en", null, "anonymous");
        JsonNode started = hr().postForObject("/api/interviews", request, JsonNode.class);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);
        http.postForEntity("/api/chat/" + token + "/messages", ChatReplies.answer(http, token, ANSWER), String.class);
        runDueJobs();
        return new Running(started.get("id").asText(), started.get("processInstanceId").asText(), token);
    }

    /** Every endpoint HR can reach that could hold the interview's words, as HR calls it. */
    private Map<String, String> crawl(String id, String process, String department, String answerTask) {
        var bodies = new LinkedHashMap<String, String>();
        for (String api : List.of("/api/interviews/{id}", "/api/interviews?department={department}",
                "/api/interviews/{id}/analyses", "/api/reports/summary", "/api/reports/process",
                "/api/reports/export?format=csv", "/api/reports/export?format=json",
                "/api/reports/export?format=json&view=summary", "/api/anonymous-comments",
                "/api/anonymous-comments?department={department}", "/api/audit/transcript-reads?interviewId={id}",
                "/api/actions",
                "/engine-rest/task?processInstanceBusinessKey={id}",
                "/engine-rest/task/{task}/comment",
                "/engine-rest/variable-instance?processInstanceIdIn={process}",
                "/engine-rest/history/process-instance?processInstanceBusinessKey={id}",
                "/engine-rest/history/task?processInstanceId={process}",
                "/engine-rest/history/variable-instance?processInstanceId={process}&includeDeleted=true",
                "/engine-rest/history/detail?processInstanceId={process}",
                "/engine-rest/history/user-operation?processInstanceId={process}",
                "/engine-rest/history/activity-instance?processInstanceId={process}",
                "/engine-rest/history/incident?processInstanceId={process}",
                "/engine-rest/history/job-log?processInstanceId={process}")) {
            bodies.put("GET " + api, get(api.replace("{id}", id).replace("{process}", process)
                    .replace("{department}", department).replace("{task}", answerTask)));
        }
        bodies.put("POST /api/interviews/{id}/analysis",
                hr().postForEntity("/api/interviews/" + id + "/analysis", null, String.class).getBody());
        var dashboard = new WebSession(port);
        dashboard.logInToDashboard(HR_USER, HR_PASSWORD);
        for (String page : List.of("/hr", "/hr/interviews", "/hr/interviews/" + id, "/hr/process",
                "/hr/anonymous-comments", "/hr/actions")) {
            var response = dashboard.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            bodies.put("GET " + page, response.body());
        }
        var tasklist = new WebSession(port);
        assertThat(tasklist.logInToCamunda("tasklist", HR_USER, HR_PASSWORD).statusCode()).isEqualTo(200);
        for (String api : List.of("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + id,
                "/camunda/api/engine/engine/default/history/task?processInstanceId=" + process)) {
            var response = tasklist.get(api);
            assertThat(response.statusCode()).as(api).isEqualTo(200);
            bodies.put("Tasklist GET " + api, response.body());
        }
        return bodies;
    }

    /** What an HR user may do in Tasklist while the interview runs: comment on the task, describe it. */
    private void hrWritesIntoTheTask(Task task, String text) {
        var identity = processEngine.getIdentityService();
        identity.setAuthentication(HR_USER, List.of("hr"));
        try {
            processEngine.getTaskService().createComment(task.getId(), task.getProcessInstanceId(), text);
            Task current = processEngine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
            current.setDescription(text);
            processEngine.getTaskService().saveTask(current);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Rows of the comment, task and operation-log history that hold the address HR wrote into the task. */
    private int wordsInCamundasHistory(String process) {
        String like = "%" + ADDRESS + "%";
        return jdbc.queryForObject("select count(*) from ACT_HI_COMMENT where PROC_INST_ID_ = ? and MESSAGE_ like ?",
                Integer.class, process, like)
                + jdbc.queryForObject("select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ? and DESCRIPTION_ like ?",
                Integer.class, process, like)
                + jdbc.queryForObject("select count(*) from ACT_HI_OP_LOG where PROC_INST_ID_ = ? and "
                        + "(ORG_VALUE_ like ? or NEW_VALUE_ like ?)", Integer.class, process, like, like);
    }

    private String get(String path) {
        var response = hr().getForEntity(path, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " answers " + response.getStatusCode())
                .isTrue();
        return response.getBody();
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
