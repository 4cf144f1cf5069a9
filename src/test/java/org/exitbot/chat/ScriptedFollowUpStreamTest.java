package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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

/** With Ollama down, the page's event stream carries each scripted follow-up whole, never a part of it. */
class ScriptedFollowUpStreamTest extends ExitBotIntegrationTest {

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
        long states = 0;
        for (var turn : List.of(List.of("Le salaire.", script.sayMore()), List.of(
                "Le salaire était bien en dessous de ce que proposaient les autres entreprises.", probe))) {
            http.postForEntity("/api/chat/" + token + "/messages", ChatReplies.answer(http, token, turn.get(0)), String.class);
            runDueJobs();
            long before = states;
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.count("event:" + ChatEvent.STATE) > before);
            states = stream.count("event:" + ChatEvent.STATE);
            JsonNode state = http.getForObject("/api/chat/" + token, JsonNode.class);
            JsonNode last = state.get("messages").get(state.get("messages").size() - 1);
            assertThat(last.get("kind").asText()).isEqualTo("scripted_follow_up");
            assertThat(last.get("text").asText()).as("whole, in one committed message").isEqualTo(turn.get(1));
            assertThat(state.at("/awaiting/kind").asText()).isEqualTo("follow_up");
        }
        stream.close();
        assertThat(lines).as("no drafts: the page is told of each scripted follow-up once it is whole")
                .doesNotContain("event:" + ChatEvent.DRAFT)
                .noneMatch(l -> l.contains(script.sayMore().substring(0, 10)) || l.contains(probe.substring(0, 10)));
    }
}
