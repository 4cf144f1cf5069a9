package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.exitbot.llm.NaiveModel;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.llm.OllamaStub.Serving;
import org.exitbot.llm.OllamaStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Once the LLM is back, HR re-runs what the fallback analysed: one interview now, or all in the background. */
class ReanalysisApiTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    AnswerAnalysisHistoryRepository answerHistory;

    @Autowired
    ReanalysisQueue queue;

    @Autowired
    DataSource dataSource;

    InterviewDriver driver;

    @BeforeEach
    void driver() {
        driver = new InterviewDriver(interviews, processEngine.getTaskService(), this::runDueJobs);
    }

    @AfterEach
    void nothingLeftRunning() {
        runDueJobs();
        assertThat(queue.idle()).isTrue();
    }

    @Test
    void reanalysingAFallbackInterviewStoresTheLlmsAnalysisKeepsTheHistoryAndRefreshesTheReview() {
        UUID id = analysedByTheFallback("I hated the constant overtime.", "My manager was supportive and fair.");
        var fallbackAnswers = hr().getForObject("/api/interviews/" + id, JsonNode.class).at("/analysis/answers");
        assertThat(fallbackAnswers).allSatisfy(a -> assertThat(a.get("fallback").asBoolean()).isTrue());

        ollama.respondWith(NaiveModel::reply);
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/interviews/" + id + "/analysis", null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode analysis = response.getBody();
        assertThat(analysis.get("fallback").asBoolean()).isFalse();
        assertThat(analysis.get("model").asText()).isEqualTo("llama3.1:8b");
        assertThat(analysis.get("promptVersion").asText()).isEqualTo("analysis/v3");
        assertThat(analysis.get("sentiment").asText()).isEqualTo("mixed");
        assertThat(analysis.get("answers")).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("fallback").asBoolean()).isFalse();
            assertThat(a.get("promptVersion").asText()).isEqualTo("analysis/v3");
        });
        assertThat(hr().getForObject("/api/interviews/" + id, JsonNode.class).get("analysis"))
                .as("the same shape as the analysis of GET /api/interviews/{id}").isEqualTo(analysis);
        assertThat(ollama.requests()).as("one call judges the interview and each answer").singleElement()
                .satisfies(request -> assertThat(request.labelledReplies()).hasSize(2));

        JsonNode history = hr().getForObject("/api/interviews/" + id + "/analyses", JsonNode.class);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("fallback").asBoolean()).isFalse();
        assertThat(history.get(0).get("promptVersion").asText()).isEqualTo("analysis/v3");
        assertThat(history.get(1).get("fallback").asBoolean()).isTrue();
        assertThat(history.get(1).get("model").asText()).isEqualTo(FallbackAnalyzer.MODEL);
        assertThat(history.get(1).get("promptVersion").asText()).isEqualTo(FallbackAnalyzer.VERSION);
        assertThat(history.get(0).get("createdAt").asText()).isGreaterThanOrEqualTo(history.get(1).get("createdAt").asText());
        for (JsonNode answer : fallbackAnswers) {
            assertThat(answerHistory.findByMessageIdOrderByIdDesc(answer.get("messageId").asLong()))
                    .singleElement().satisfies(old -> {
                        assertThat(old.result().fallback()).isTrue();
                        assertThat(old.result().model()).isEqualTo(FallbackAnalyzer.MODEL);
                    });
        }

        var review = processEngine.getTaskService().getVariablesLocal(driver.reviewTask(id).getId());
        assertThat(review.get("flags").toString()).contains("during the interview")
                .doesNotContain("for the analysis");
        assertThat(review.get("sentiment").toString()).startsWith("mixed");
    }

    /**
     * Issue 11, item 1: HR's one-interview re-analysis waits on the model with no transaction open, so while the
     * model works the pool has moments with no connection in use at all (the request holding one for its whole
     * call would leave none); the job executor and the LLM worker are off here, so nothing else takes one.
     */
    @Test
    void reanalysingOneInterviewHoldsNoConnectionWhileTheModelWorks() throws Exception {
        UUID id = analysedByTheFallback("I hated the constant overtime.");
        ollama.respondWith(NaiveModel::reply);
        ollama.serve(new Serving(Duration.ofSeconds(2), 0, Duration.ZERO));
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        var reanalysis = CompletableFuture.supplyAsync(
                () -> hr().postForEntity("/api/interviews/" + id + "/analysis", null, JsonNode.class));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !ollama.requests().isEmpty());
            int leastInUse = Integer.MAX_VALUE;
            for (int sample = 0; sample < 50; sample++) {
                leastInUse = Math.min(leastInUse, pool.getActiveConnections());
                Thread.sleep(20);
            }
            assertThat(leastInUse).as("connections in use while the model works").isZero();
            assertThat(reanalysis.get(60, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            ollama.serve(Serving.INSTANT);
        }
    }

    @Test
    void whileTheLlmIsStillDownTheAnswerIs503AndNothingChanges() {
        UUID id = analysedByTheFallback("Too many meetings.");
        JsonNode before = hr().getForObject("/api/interviews/" + id + "/analyses", JsonNode.class);

        ollama.respondWith(request -> Reply.error(500, "model runner has unexpectedly stopped"));
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/interviews/" + id + "/analysis", null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("title").asText()).isEqualTo("LLM unavailable");
        assertThat(hr().getForObject("/api/interviews/" + id + "/analyses", JsonNode.class)).isEqualTo(before);
        assertThat(hr().getForObject("/api/interviews/" + id, JsonNode.class).at("/analysis/answers/0/fallback")
                .asBoolean()).isTrue();
    }

    @Test
    void malformedOutputTwiceAlsoLeavesTheAnalysisAsItWas() {
        UUID id = analysedByTheFallback("The salary was too low.");
        ollama.respondWith(request -> Reply.content("{\"sentiment\": \"furious\""));
        assertThat(hr().postForEntity("/api/interviews/" + id + "/analysis", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ollama.requests()).as("asked once more, then gave up").hasSize(2);
        assertThat(hr().getForObject("/api/interviews/" + id + "/analyses", JsonNode.class)).hasSize(1);
    }

    @Test
    void anUnknownInterviewIs404AndAnUnfinishedOneIs409() {
        String unknown = "/api/interviews/" + UUID.randomUUID();
        assertThat(hr().postForEntity(unknown + "/analysis", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hr().getForEntity(unknown + "/analyses", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        UUID open = driver.start(HR_USER);
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/interviews/" + open + "/analysis", null,
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(hr().getForObject("/api/interviews/" + open + "/analyses", JsonNode.class)).isEmpty();
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void rerunQueuesEveryInterviewTheFallbackAnalysedAndReanalysesThemInTheBackground() {
        UUID first = analysedByTheFallback("I was underpaid.");
        UUID second = analysedByTheFallback("The team was wonderful.");
        UUID open = driver.start(HR_USER);

        ollama.respondWith(NaiveModel::reply);
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/analyses/rerun?scope=fallback", null,
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody().get("queued").asInt()).isGreaterThanOrEqualTo(2);

        assertThat(queue.idle()).as("queued in the database, for the LLM worker").isFalse();
        runDueJobs();
        for (UUID id : new UUID[] {first, second}) {
            assertThat(hr().getForObject("/api/interviews/" + id, JsonNode.class).at("/analysis/fallback")
                    .asBoolean()).isFalse();
        }
        assertThat(queue.idle()).isTrue();
        assertThat(hr().getForObject("/api/interviews/" + first, JsonNode.class).at("/analysis/sentiment").asText())
                .isEqualTo("negative");
        assertThat(hr().getForObject("/api/interviews/" + open + "/analyses", JsonNode.class))
                .as("an interview still running is left alone").isEmpty();
        assertThat(hr().postForObject("/api/analyses/rerun?scope=fallback", null, JsonNode.class).get("queued").asInt())
                .as("nothing left to re-run").isZero();
    }

    @Test
    void rerunNeedsTheFallbackScopeAndHr() {
        ResponseEntity<JsonNode> response = hr().postForEntity("/api/analyses/rerun?scope=all", null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("scope");
        assertThat(hr().postForEntity("/api/analyses/rerun", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.postForEntity("/api/analyses/rerun?scope=fallback", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/interviews/" + UUID.randomUUID() + "/analysis", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** An interview the LLM failed on from the first answer, stopped after these answers. */
    private UUID analysedByTheFallback(String... answers) {
        ollama.respondWith(request -> Reply.error(500, "model runner has unexpectedly stopped"));
        UUID id = driver.start(HR_USER);
        for (String answer : answers) {
            driver.answer(id, answer);
        }
        driver.stop(id);
        assertThat(hr().getForObject("/api/interviews/" + id, JsonNode.class).at("/analysis/fallback").asBoolean())
                .isTrue();
        ollama.reset();
        return id;
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
