package org.exitbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.chat.ChatReplies;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.NewInterview;
import org.exitbot.llm.OllamaStub.Serving;
import org.exitbot.security.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A model that takes 30 s a call, 12 calls waiting on it at once (12 LLM slots): no call holds a database
 * connection, so the chat and the dashboard still answer, mail still goes out, and once the follow-up budget runs
 * out the interviews move on without a follow-up. The real job executor and LLM worker run, on a context of their
 * own that closes after this class, in the failsafe JVM: its engine registers under the same name as the shared
 * context's, which the engine REST API of a context started after it would then not find.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SlowLlmIT extends ExitBotIntegrationTest {

    static final int WAITING_CALLS = 12;
    static final Duration MODEL_LATENCY = Duration.ofSeconds(30);
    static final Duration BUDGET = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void realWorkers(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        registry.add("exitbot.llm.worker.concurrency", () -> String.valueOf(WAITING_CALLS));
        registry.add("exitbot.conversation.follow-up-budget", () -> BUDGET.toSeconds() + "s");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    InterviewRepository interviewRepository;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void quickModelAgain() {
        ollama.serve(Serving.INSTANT);
    }

    @Test
    void waitingCallsHoldNoConnectionTheChatTheDashboardAndMailCarryOnAndTheBudgetMovesTheInterviewsOn()
            throws Exception {
        List<String> tokens = new ArrayList<>();
        List<NewInterview> started = new ArrayList<>();
        for (int i = 0; i < WAITING_CALLS; i++) {
            started.add(invited(tokens));
        }
        ollama.respondWith(OllamaStub::plausibleReply);
        ollama.serve(new Serving(MODEL_LATENCY, 0, Duration.ZERO));
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        var mostActive = new AtomicInteger();
        var mostAwaiting = new AtomicInteger();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            mostActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
            mostAwaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
        }, 0, 20, TimeUnit.MILLISECONDS);
        try {
            for (String token : tokens) {
                assertThat(http.postForEntity("/api/chat/" + token + "/messages", ChatReplies.answer(http, token, "Mostly the pay."),
                        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> ollama.requests().size() >= WAITING_CALLS);
            assertThat(ollama.mostInFlight()).as("calls waiting on the model at once").isEqualTo(WAITING_CALLS);
            var dashboard = new WebSession(port);
            dashboard.logInToDashboard(HR_USER, HR_PASSWORD);
            assertThat(dashboard.get("/hr").statusCode()).isEqualTo(200);
            for (String token : tokens) {
                JsonNode state = http.getForObject("/api/chat/" + token, JsonNode.class);
                assertThat(state.get("awaiting").isNull()).as("the bot is still working").isTrue();
            }
            var latecomer = InterviewFixtures.newInterview();
            interviews.start(latecomer, HR_USER);
            await().atMost(Duration.ofSeconds(15)).until(() -> Mailbox.hasMailTo(smtp, latecomer.email()));
            assertThat(ollama.requests()).as("the mail waited for no model call").hasSize(WAITING_CALLS);
            assertThat(mostActive.get()).as("connections in use while %d calls wait", WAITING_CALLS)
                        .isLessThan(((HikariDataSource) dataSource).getMaximumPoolSize());
            assertThat(mostAwaiting.get()).as("requests that waited for a connection").isZero();
        } finally {
            sampler.shutdownNow();
        }

        // a poll a second keeps each link under its requests per minute, which every node counts in the database
        await().atMost(BUDGET.plusSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String token : tokens) {
                JsonNode state = http.getForObject("/api/chat/" + token, JsonNode.class);
                assertThat(state.at("/awaiting/questionNumber").asInt()).as("%s", state).isEqualTo(2);
            }
        });
        JsonNode first = http.getForObject("/api/chat/" + tokens.get(0), JsonNode.class).get("messages");
        assertThat(first.findValuesAsText("kind")).containsSubsequence("answer", "follow_up_skipped", "question");
        assertThat(interviewRepository.findAll().stream()
                .filter(interview -> started.stream().anyMatch(s -> s.email().equals(interview.getEmail())))
                .map(interview -> interview.getFollowUpsOutOfTime())).hasSize(WAITING_CALLS).containsOnly(1);
    }

    private NewInterview invited(List<String> tokens) throws Exception {
        var request = InterviewFixtures.newInterview();
        interviews.start(request, HR_USER);
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.hasMailTo(smtp, request.email()));
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), JsonNode.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.getForObject("/api/chat/" + token, JsonNode.class).at("/awaiting/questionNumber").asInt() == 1);
        tokens.add(token);
        return request;
    }
}
