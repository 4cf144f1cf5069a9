package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.ReviewOutcome;
import org.exitbot.llm.OllamaStub.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page's event stream opens with the state, carries the follow-up as it is written, then the committed state. */
class ChatEventsTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    ChatEvents events;

    @Autowired
    InterviewService interviewService;

    @Test
    void theFollowUpStreamsToThePageWordByWord() throws Exception {
        var request = InterviewFixtures.newInterview();
        var interview = interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);
        ollama.enqueue(Reply.followUp("What would have made you stay a little longer?"));

        var stream = EventStream.open("http://localhost:" + port, token);
        List<String> lines = stream.lines();
        assertThat(stream.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.listeners(interview.id()) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")));
        assertThat(lines).as("a broken stream is opened again within a second, not the browser's 3 s")
                .contains("retry:1000");
        assertThat(stream.lastData(ChatEvents.READY)).as("the stream opens with the state, covering what changed while it was shut")
                .contains("\"status\":", "\"consented\":true", "\"kind\":\"question\"");

        http.postForEntity("/api/chat/" + token + "/messages", ChatReplies.answer(http, token, "The pay."), String.class);
        runDueJobs();

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream()
                .anyMatch(l -> l.contains("What would have made you stay a little longer?")));
        List<String> drafts = stream.data(ChatEvent.DRAFT);
        assertThat(drafts.size()).as("several growing drafts").isGreaterThan(3);
        assertThat(drafts.get(0)).startsWith("{\"text\":\"What ");
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.count("event:state") >= 2);
        int lastDraft = lines.lastIndexOf("event:draft");
        assertThat(lines.subList(lastDraft, lines.size())).as("the committed state follows the drafts")
                .contains("event:state");
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.lastData(ChatEvent.STATE).contains("follow_up"));
        assertThat(stream.lastData(ChatEvent.STATE)).as("the state event carries the follow-up, so the page need not fetch it")
                .contains("\"text\":\"What would have made you stay a little longer?\"", "\"kind\":\"follow_up\"");
        stream.close();
    }

    @Test
    void aLinkClosedWhileThePageIsOpenGetsAnEmptyStateAndNothingOfTheConversation() throws Exception {
        var request = InterviewFixtures.newInterview();
        var interview = interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);
        try (var stream = EventStream.open("http://localhost:" + port, token)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.lastData(ChatEvents.READY).isEmpty());

            interviewService.close(interview.id(), new ReviewOutcome("voluntary", false, "yes", null, null), HR_USER);

            await("an empty state, which the page fetches to get the link's error").atMost(Duration.ofSeconds(10))
                    .until(() -> stream.lastData(ChatEvent.STATE).equals("{}"));
            assertThat(http.getForEntity("/api/chat/" + token, String.class).getStatusCode().value()).isEqualTo(410);
        }
    }
}
