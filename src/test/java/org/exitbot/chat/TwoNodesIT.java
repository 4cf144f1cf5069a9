package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.exitbot.ExitBotApplication;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.FollowUpDraft;
import org.exitbot.interview.InterviewFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Two nodes on one PostgreSQL: this test's context (node A) and a second one started beside it (node B), with its
 * own engine and web server. What one node commits reaches a page whose event stream is open on the other, and
 * the rate limits count the requests to both.
 */
class TwoNodesIT extends ExitBotIntegrationTest {

    static ConfigurableApplicationContext nodeB;

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ChatEventRelay relayA;

    @BeforeAll
    static void startNodeB() {
        var properties = nodeProperties();
        properties.put("server.port", 0);
        properties.put("camunda.bpm.process-engine-name", "node-b");
        nodeB = new SpringApplicationBuilder(ExitBotApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void whatNodeACommitsReachesAPageStreamingFromNodeB() throws Exception {
        var request = InterviewFixtures.newInterview();
        var interview = interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> ((PostgresChatRelay) relayA).isListening()
                && ((PostgresChatRelay) nodeB.getBean(ChatEventRelay.class)).isListening());

        try (var stream = EventStream.open(baseUrl(nodeB), token)) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> nodeB.getBean(ChatEvents.class)
                    .listeners(interview.id()) == 1);

            http.postForEntity("/api/chat/" + token + "/messages", ChatReplies.answer(http, token, "The pay."), String.class);
            await("the state node B read of what node A committed").atMost(Duration.ofSeconds(10))
                    .until(() -> stream.lastData(ChatEvent.STATE).contains("\"text\":\"The pay.\""));

            events.publishEvent(new FollowUpDraft(interview.id(), "What would have"));
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines().contains("event:draft"));
            assertThat(stream.lines()).contains("data:{\"text\":\"What would have\"}");
        }
    }

    @Test
    void aLinkGetsItsRequestsPerMinuteOnceAcrossBothNodes() throws InterruptedException {
        var nodeA = RestClient.create("http://localhost:" + port);
        var otherNode = RestClient.create(baseUrl(nodeB));
        String token = "R".repeat(43);
        if (LocalTime.now(ZoneOffset.UTC).getSecond() > 40) {
            Thread.sleep(Duration.ofSeconds(61 - LocalTime.now(ZoneOffset.UTC).getSecond()).toMillis());
        }
        int allowed = 0;
        for (int i = 0; i < 130; i++) {
            var node = i % 2 == 0 ? nodeA : otherNode;
            int status = status(node, token);
            if (status == 429) {
                break;
            }
            assertThat(status).as("an unknown link, counted before it is looked up").isEqualTo(404);
            allowed++;
        }
        assertThat(allowed).as("the default 120 a minute, not 120 on each node").isEqualTo(120);
        assertThat(status(otherNode, token)).isEqualTo(429);
        assertThat(status(nodeA, token)).isEqualTo(429);
    }

    private static int status(RestClient node, String token) {
        return node.get().uri("/api/chat/" + token).exchange((request, response) -> response.getStatusCode().value());
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }
}
