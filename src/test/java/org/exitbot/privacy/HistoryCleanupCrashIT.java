package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.TestDatabase;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.exitbot.load.AppNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code kill -9} of the app between an erasure's commit and the clean-up of Camunda's history: the packaged app
 * runs as a process of its own on the test database, first with its job executor off, so that the clean-up is
 * still to run when it is killed, then restarted with it on; the restarted app completes the clean-up and a
 * database dump holds nothing of the person. The interview itself is played by the test's own app, whose job
 * executor is off and so never races the node.
 */
class HistoryCleanupCrashIT extends ExitBotIntegrationTest {

    private static final String WORDS = "The tangerine escalator policy drove me out of the building.";

    @Autowired
    ExitInterviews interviews;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNodeKilledAfterTheErasureCommittedLeavesTheCleanUpToTheNextStart() throws Exception {
        var driver = new InterviewDriver(interviews, tasks, this::runDueJobs);
        UUID id = driver.start(HR_USER);
        driver.answer(id, WORDS);
        driver.stop(id);
        assertThat(driver.reviewTask(id)).as("the review task holds the transcript").isNotNull();
        assertThat(DatabaseDump.dump()).as("Camunda's history holds the words before the erasure (a byte array of the"
                + " review task's transcript)").contains(DatabaseDump.asBytes(WORDS));
        Path folder = Files.createTempDirectory("exitbot-crash");

        // the suites before this one on the same database failed logins from 127.0.0.1 on purpose, within the throttle
        jdbc.update("delete from login_failure");
        try (AppNode node = node(1, folder, false)) {
            var erased = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri("/api/interviews/" + id))
                    .DELETE().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (HR_USER + ":" + HR_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
            assertThat(cleanups(id)).as("the clean-up was committed with the erasure, to run later").isEqualTo(1);
            assertThat(DatabaseDump.dump()).as("and has not run yet").contains(DatabaseDump.asBytes(WORDS))
                    .doesNotContain(WORDS);
            node.kill();
        }

        try (AppNode restarted = node(2, folder, true)) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> cleanups(id) == 0);
            String dump = DatabaseDump.dump();
            assertThat(dump).as("dump after the restart").doesNotContain(WORDS, DatabaseDump.asBytes(WORDS));
            assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(id.toString()).count()).isZero();
            assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(HistoryCleanupProcess.KEY)
                    .variableValueEquals(HistoryCleanupProcess.BUSINESS_KEY, id.toString()).finished().count())
                    .as("the clean-up is recorded as done").isEqualTo(1);
        }
    }

    private long cleanups(UUID interviewId) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(HistoryCleanupProcess.KEY)
                .variableValueEquals(HistoryCleanupProcess.BUSINESS_KEY, interviewId.toString()).count();
    }

    /** The packaged app on the test database, configured through the README's environment variables. */
    private static AppNode node(int number, Path folder, boolean jobExecutor) throws Exception {
        TestDatabase db = TestDatabase.get().orElseThrow();
        Map<String, String> env = AppNode.inheritedEnvironment();
        int port = AppNode.freePort();
        env.put("DATABASE_URL", db.url());
        env.put("DATABASE_USERNAME", db.username());
        env.put("DATABASE_PASSWORD", db.password());
        env.put("EXITBOT_DATA_DIR", Files.createDirectories(folder.resolve("node-" + number)).toString());
        env.put("EXITBOT_PUBLIC_URL", "http://exitbot.test");
        env.put("EXITBOT_LINK_SECRET", "test-link-secret-that-is-long-enough-0123456789");
        env.put("EXITBOT_HR_PASSWORD", HR_PASSWORD);
        env.put("EXITBOT_ADMIN_PASSWORD", "admin-test-password");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("OLLAMA_BASE_URL", ollama.baseUrl());
        env.put("PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("CAMUNDA_BPM_JOBEXECUTION_ENABLED", String.valueOf(jobExecutor));
        AppNode node = AppNode.start(number, port, AppNode.packagedJar("run ./mvnw verify"), List.of("-Xmx512m"), env,
                folder.resolve("node-" + number + ".log"));
        node.awaitHealthy(Duration.ofMinutes(4));
        return node;
    }
}
