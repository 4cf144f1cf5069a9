package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.chat.ChatReplies;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.interview.NewInterview;
import org.exitbot.llm.OllamaStub;
import org.exitbot.llm.OllamaStub.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * While an anonymous interview runs, the LLM's follow-up is made of the employee's words (here it quotes the name and
 * the address they wrote): no engine-rest answer HR can get about the interview's tasks and variables holds them.
 * The employee still sees the follow-up.
 */
class AnonymousConversationTest extends ExitBotIntegrationTest {

    static final String MANAGER = "Ottilie Quenbury";
    static final String ADDRESS = "47 Quillfeather Lane";

    @Autowired
    TestRestTemplate http;

    @Test
    void aFollowUpQuotingTheEmployeeReachesNoTaskOrVariableHrCanRead() {
        String followUp = "You said " + MANAGER + " came to " + ADDRESS + ": what happened then?";
        ollama.respondWith(request -> request.isFollowUpDecision() ? Reply.followUp(followUp)
                : OllamaStub.plausibleReply(request));
        var request = new NewInterview("E-" + UUID.randomUUID(), "Wendeline Tarrowby", "w.t@private.example",
                "Held-out-" + UUID.randomUUID().toString().substring(0, 8), "Engineer", null,
                LocalDate.now().plusDays(20), "en", null, "anonymous");
        JsonNode started = hr().postForObject("/api/interviews", request, JsonNode.class);
        String id = started.get("id").asText();
        String process = started.get("processInstanceId").asText();
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);
        http.postForEntity("/api/chat/" + token + "/messages", ChatReplies.answer(http, token,
                "My manager " + MANAGER + " turned up at my home, " + ADDRESS + ", on a Sunday."), String.class);
        runDueJobs();

        JsonNode state = http.getForObject("/api/chat/" + token, JsonNode.class);
        assertThat(state.at("/awaiting/kind").asText()).isEqualTo("follow_up");
        assertThat(state.get("messages").toString()).as("the employee sees it").contains(ADDRESS);
        Task waiting = processEngine.getTaskService().createTaskQuery().processInstanceId(process)
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult();
        for (String endpoint : List.of("/engine-rest/task?processInstanceBusinessKey={id}",
                "/engine-rest/task/{task}", "/engine-rest/task/{task}?withTaskLocalVariablesInReturn=true",
                "/engine-rest/task/{task}/variables", "/engine-rest/task/{task}/localVariables",
                "/engine-rest/task/{task}/form-variables", "/engine-rest/task/{task}/rendered-form",
                "/engine-rest/variable-instance?processInstanceIdIn={process}",
                "/engine-rest/history/variable-instance?processInstanceId={process}",
                "/engine-rest/history/detail?processInstanceId={process}",
                "/engine-rest/history/task?processInstanceId={process}")) {
            String path = endpoint.replace("{id}", id).replace("{process}", process).replace("{task}", waiting.getId());
            var response = hr().getForEntity(path, String.class);
            assertThat(response.getStatusCode().is5xxServerError()).as(path).isFalse();
            assertThat(String.valueOf(response.getBody())).as(path).doesNotContain("Quenbury", "Quillfeather");
        }
        assertThat(hr().getForObject("/engine-rest/task/" + waiting.getId() + "/variables/"
                + ExitInterviewProcess.Var.CURRENT_PROMPT, String.class)).as("HR sees that a follow-up is asked")
                .contains("anonymous").doesNotContain("Quenbury");
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
