package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.chat.ChatReplies;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.llm.OllamaStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** HR starts an interview over HTTP, the employee answers from the mailed link, HR reviews it, it closes. */
class ExitInterviewEndToEndTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void aWholeInterviewFromStartToClose() throws Exception {
        ollama.respondWith(request -> {
            if (request.isFollowUpDecision() && request.message("user").contains("latest reply:\n<employee_text>Too many reorgs")) {
                var decision = new java.util.LinkedHashMap<String, Object>();
                decision.put("askFollowUp", true);
                decision.put("followUp", "Which change affected you most?");
                decision.put("sentiment", "negative");
                decision.put("score", -0.6);
                decision.put("themes", List.of(Map.of("theme", "job_security_org_change", "quote", "Too many reorgs")));
                return Reply.json(decision);
            }
            if (request.isInterviewAnalysis()) {
                return Reply.json(Map.of("sentiment", "negative", "score", -0.5,
                        "summary", List.of(Map.of("statement", "The employee left after repeated reorganisations.",
                                "evidence", "Too many reorgs in two years")),
                        "mainReason", "job_security_org_change",
                        "themes", List.of(Map.of("theme", "job_security_org_change", "quote", "Too many reorgs"),
                                Map.of("theme", "recognition", "quote", "a quote the employee never wrote")),
                        "answers", request.labelledReplies().keySet().stream().map(label -> Map.of("reply", label,
                                "sentiment", "negative", "score", -0.5, "themes", List.of())).toList()));
            }
            return OllamaStub.plausibleReply(request);
        });

        var request = InterviewFixtures.newInterview();
        ResponseEntity<JsonNode> created = hr().postForEntity("/api/interviews", request, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/interviews/" + created.getBody().get("id").asText());
        assertThat(created.getBody().get("status").asText()).isEqualTo("invited");
        String id = created.getBody().get("id").asText();

        runDueJobs();
        MimeMessage invitation = Mailbox.lastTo(smtp, request.email());
        assertThat(invitation.getSubject()).isEqualTo("Your exit interview with Acme Test Ltd");
        assertThat(Mailbox.html(invitation)).contains("Hello Robin Example,", "Start the exit interview",
                "href=\"http://exitbot.test/i/").doesNotContain("th:text", "th:replace", "th:fragment");
        String token = Mailbox.token(invitation);

        JsonNode state = chat("GET", token, null);
        assertThat(state.get("status").asText()).isEqualTo("invited");
        assertThat(state.get("consented").asBoolean()).isFalse();
        assertThat(state.get("messages")).hasSize(2);
        state = chat("POST", token + "/consent", Map.of("visibility", "attributed"));
        assertThat(state.get("consented").asBoolean()).isTrue();
        assertThat(state.at("/awaiting/kind").asText()).isEqualTo("question");
        assertThat(state.at("/awaiting/questionNumber").asInt()).isEqualTo(1);
        assertThat(state.at("/awaiting/questionCount").asInt()).isEqualTo(4);

        state = chat("POST", token + "/messages", ChatReplies.answer(state, "Too many reorgs in two years."));
        assertThat(state.get("awaiting").isNull()).as("the bot is thinking").isTrue();
        runDueJobs();
        state = chat("GET", token, null);
        assertThat(state.at("/awaiting/kind").asText()).isEqualTo("follow_up");
        assertThat(last(state).get("text").asText()).isEqualTo("Which change affected you most?");

        answerAndWait(token, "The last one split my team.");
        assertThat(chat("GET", token, null).at("/awaiting/questionNumber").asInt()).isEqualTo(2);
        answerAndWait(token, "I liked the work itself.");
        chat("POST", token + "/skip", null);
        answerAndWait(token, "Communicate earlier.");

        state = chat("GET", token, null);
        assertThat(state.at("/awaiting/kind").asText()).isEqualTo("review");
        long firstAnswer = state.get("messages").get(2).get("id").asLong();
        state = chat("PUT", token + "/answers/" + firstAnswer, Map.of("text", "Too many reorgs in two years, honestly."));
        assertThat(state.get("messages").get(2).get("text").asText()).isEqualTo("Too many reorgs in two years, honestly.");
        assertThat(state.get("messages").get(2).get("edited").asBoolean()).isTrue();
        state = chat("POST", token + "/finish", null);
        assertThat(state.get("awaiting").isNull()).as("the summary is being made").isTrue();
        runDueJobs();
        state = chat("GET", token, null);
        assertThat(state.at("/awaiting/kind").asText()).isEqualTo("summary");
        assertThat(state.at("/summary/automatic").asBoolean()).isFalse();
        assertThat(state.at("/summary/statements")).extracting(s -> s.get("text").asText())
                .containsExactly("The employee left after repeated reorganisations.", "The employee skipped 1 question.");
        assertThat(state.at("/summary/themes")).extracting(JsonNode::asText).containsExactly("job_security_org_change");
        state = chat("POST", token + "/summary/confirm", Map.of("version", state.at("/summary/version").asInt()));
        assertThat(state.get("status").asText()).isEqualTo("completed");
        assertThat(state.get("awaiting").isNull()).isTrue();
        assertThat(last(state).get("kind").asText()).isEqualTo("closing");

        runDueJobs();
        JsonNode details = hr().getForObject("/api/interviews/" + id, JsonNode.class);
        assertThat(details.get("transcript").get(2).get("text").asText()).endsWith("honestly.");
        assertThat(details.at("/analysis/sentiment").asText()).isEqualTo("negative");
        assertThat(details.at("/analysis/mainReason").asText()).isEqualTo("job_security_org_change");
        assertThat(details.at("/analysis/themes")).as("the invented quote is dropped").hasSize(1);
        assertThat(details.at("/analysis/fallback").asBoolean()).isFalse();
        assertThat(details.at("/analysis/promptVersion").asText()).isEqualTo("analysis/v3");
        assertThat(details.at("/analysis/summary").asText())
                .isEqualTo("The employee left after repeated reorganisations. The employee skipped 1 question.");
        assertThat(details.at("/analysis/flags")).as("the statement is backed by the employee's words").isEmpty();
        assertThat(details.at("/analysis/answers")).as("the corrected answer is analysed again").hasSize(4);
        assertThat(details.get("transcript")).extracting(line -> line.get("kind").asText())
                .containsExactly("welcome", "question", "answer", "follow_up", "answer", "question", "answer",
                        "question", "skipped", "question", "answer", "closing");

        Task review = processEngine.getTaskService().createTaskQuery()
                .processInstanceId(details.get("processInstanceId").asText()).initializeFormKeys().singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ExitInterviewProcess.REVIEW_TASK);
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(review.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("hr"));
        assertThat(review.getCamundaFormRef().getKey()).isEqualTo("hr-review");
        JsonNode form = json.readTree(processEngine.getFormService().getDeployedTaskForm(review.getId()));
        assertThat(form.get("id").asText()).isEqualTo("hr-review");
        assertThat((String) processEngine.getTaskService().getVariableLocal(review.getId(), "employeeCheck"))
                .startsWith("Confirmed by the employee on ").endsWith(", without changes");

        ResponseEntity<String> submitted = hr().postForEntity("/engine-rest/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of(
                        "departureType", Map.of("value", "voluntary"),
                        "regrettable", Map.of("value", "true"),
                        "rehireEligible", Map.of("value", "yes"),
                        "actions", Map.of("value", "Announce reorgs earlier."))), String.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        details = hr().getForObject("/api/interviews/" + id, JsonNode.class);
        assertThat(details.get("status").asText()).isEqualTo("closed");
        assertThat(details.at("/review/reviewer").asText()).isEqualTo(HR_USER);
        assertThat(details.at("/review/regrettable").asBoolean()).isTrue();
        assertThat(http.getForEntity("/api/chat/" + token, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(ollama.violations()).isEmpty();
        assertThat(ollama.requests()).allSatisfy(r -> {
            assertThat(r.model()).isEqualTo("llama3.1:8b");
            assertThat(r.body().get("stream").asBoolean())
                    .as("the follow-ups and the analysis the employee waits for stream, cancelled at their deadline")
                    .isTrue();
            assertThat(r.body().path("format").path("type").asText()).isEqualTo("object");
        });
    }

    private void answerAndWait(String token, String text) {
        chat("POST", token + "/messages", ChatReplies.answer(http, token, text));
        runDueJobs();
    }

    private JsonNode chat(String method, String path, Object body) {
        ResponseEntity<JsonNode> response = switch (method) {
            case "GET" -> http.getForEntity("/api/chat/" + path, JsonNode.class);
            case "PUT" -> http.exchange("/api/chat/" + path, org.springframework.http.HttpMethod.PUT,
                    new org.springframework.http.HttpEntity<>(body), JsonNode.class);
            default -> http.postForEntity("/api/chat/" + path, body, JsonNode.class);
        };
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
        return response.getBody();
    }

    private static JsonNode last(JsonNode state) {
        return state.get("messages").get(state.get("messages").size() - 1);
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
