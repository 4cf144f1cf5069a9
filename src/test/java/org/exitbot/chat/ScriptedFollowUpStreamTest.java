package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.questions.QuestionSetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With Ollama down, the page's event stream carries each scripted follow-up whole, in the state, never a draft. */
class ScriptedFollowUpStreamTest extends ExitBotIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    ChatEvents events;

    @Autowired
    QuestionSetService questionSets;

    @Test
    void aScriptedFollowUpReachesThePageWholeInTheStateMarkedAsScripted() throws Exception {
        ollama.respondWith(request -> Reply.error(503, "connection refused"));
        var script = questionSets.latest("default", "fr").followUps();
        var request = InterviewFixtures.newInterview("fr");
        var interview = interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);

        var stream = EventStream.open("http://localhost:" + port, token);
        List<String> lines = stream.lines();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.listeners(interview.id()) == 1);
        String probe = script.themes().get("compensation_benefits").probe();
        for (var turn : List.of(List.of("Le salaire.", script.sayMore()), List.of(
                "Le salaire était bien en dessous de ce que proposaient les autres entreprises.", probe))) {
            http.postForEntity("/api/chat/" + token + "/messages", ChatReplies.answer(http, token, turn.get(0)), String.class);
            runDueJobs();
            await().atMost(Duration.ofSeconds(10)).until(() -> lastMessage(stream).path("text").asText()
                    .equals(turn.get(1)));
            JsonNode state = JSON.readTree(stream.lastData(ChatEvent.STATE));
            assertThat(state.at("/messages").get(state.at("/messages").size() - 1).get("kind").asText())
                    .as("whole, in one committed message").isEqualTo("scripted_follow_up");
            assertThat(state.at("/awaiting/kind").asText()).isEqualTo("follow_up");
        }
        stream.close();
        assertThat(lines).as("no drafts: the page is told of each scripted follow-up once it is whole")
                .doesNotContain("event:" + ChatEvent.DRAFT);
    }

    /** The last message of the state the last state event carried. */
    private static JsonNode lastMessage(EventStream stream) throws IOException {
        String data = stream.lastData(ChatEvent.STATE);
        JsonNode messages = data.isEmpty() ? JSON.missingNode() : JSON.readTree(data).path("messages");
        return messages.isArray() && !messages.isEmpty() ? messages.get(messages.size() - 1) : JSON.missingNode();
    }
}
