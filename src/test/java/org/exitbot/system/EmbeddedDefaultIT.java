package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.exitbot.ExitBotApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What {@code ./mvnw spring-boot:run} gives a newcomer with only a JDK: H2 in the data folder, a printed HR
 * login, the invitation in the log, and the interview running on scripted questions and follow-ups while no Ollama answers.
 * An integration test (failsafe) so it gets a JVM of its own: two Camunda engines in one JVM share static
 * registries, and closing this one would unregister the other tests' engine.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultIT {

    private static final Pattern HR_LOGIN = Pattern.compile("HR login: +hr / (\\S+)");
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/i/([A-Za-z0-9_-]{43})");

    @Test
    void runsOnH2WithAPrintedLoginLoggedMailAndTheFallbackAndResumesAfterARestart(@TempDir Path dataDir,
            CapturedOutput output) {
        String chat;
        try (var app = start(dataDir)) {
            String url = app.getBean(DataSource.class).getConnection().getMetaData().getURL();
            assertThat(url).startsWith("jdbc:h2:file:" + dataDir);
            assertThat(dataDir.resolve("link-secret")).exists();

            await().atMost(Duration.ofSeconds(30)).until(() -> HR_LOGIN.matcher(output.getOut()).find());
            Matcher login = HR_LOGIN.matcher(output.getOut());
            login.find();
            String port = app.getEnvironment().getProperty("local.server.port");
            var http = RestClient.create("http://localhost:" + port);
            var hr = RestClient.builder().baseUrl("http://localhost:" + port)
                    .defaultHeaders(h -> h.setBasicAuth("hr", login.group(1))).build();

            JsonNode started = hr.post().uri("/api/interviews").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("employeeId", "E-1001", "name", "Sam Leaver", "email", "sam@example.org",
                            "department", "Engineering", "lastWorkingDay", "2026-12-19"))
                    .retrieve().body(JsonNode.class);
            assertThat(started.get("status").asText()).isEqualTo("invited");

            await().atMost(Duration.ofSeconds(30)).until(() -> LINK.matcher(output.getOut()).find());
            assertThat(output.getOut()).contains("so this mail is logged instead of sent").contains("To: sam@example.org");
            Matcher link = LINK.matcher(output.getOut());
            link.find();
            chat = "/api/chat/" + link.group(1);

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    http.get().uri(chat).retrieve().body(JsonNode.class).at("/awaiting/questionNumber").asInt() == 1);
            http.post().uri(chat + "/consent").contentType(MediaType.APPLICATION_JSON).body(Map.of())
                    .retrieve().toBodilessEntity();
            long asked = http.get().uri(chat).retrieve().body(JsonNode.class).at("/awaiting/messageId").asLong();
            http.post().uri(chat + "/messages").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("text", "The workload was crushing.", "inReplyTo", asked)).retrieve().toBodilessEntity();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    http.get().uri(chat).retrieve().body(JsonNode.class).at("/awaiting/kind").asText().equals("follow_up"));
            JsonNode messages = http.get().uri(chat).retrieve().body(JsonNode.class).get("messages");
            assertThat(messages.get(messages.size() - 1).get("kind").asText()).as("a scripted follow-up without Ollama")
                    .isEqualTo("scripted_follow_up");
            for (String reply : List.of("Two people's work after the reorg, for a year, with no end in sight.",
                    "Mostly evenings and weekends, every week.")) {
                if (http.get().uri(chat).retrieve().body(JsonNode.class).at("/awaiting/questionNumber").asInt() == 2) {
                    break;
                }
                int before = http.get().uri(chat).retrieve().body(JsonNode.class).get("messages").size();
                http.post().uri(chat + "/messages").contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("text", reply)).retrieve().toBodilessEntity();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    JsonNode state = http.get().uri(chat).retrieve().body(JsonNode.class);
                    return state.get("messages").size() > before + 1 && !state.path("awaiting").isNull();
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    http.get().uri(chat).retrieve().body(JsonNode.class).at("/awaiting/questionNumber").asInt() == 2);
            JsonNode interview = hr.get().uri("/api/interviews/" + started.get("id").asText()).retrieve()
                    .body(JsonNode.class);
            assertThat(interview.get("llmFallback").asBoolean()).as("flagged, without Ollama").isTrue();
            assertThat(http.get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            // the reports' own SQL and Camunda's history tables, on H2
            assertThat(hr.get().uri("/api/reports/process").retrieve().body(JsonNode.class).at("/funnel/0/group")
                    .asText()).isEqualTo("invited");
            assertThat(hr.get().uri("/api/reports/export?format=csv").retrieve().body(String.class))
                    .startsWith("id,employeeId,name").contains("E-1001,Sam Leaver");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }

        try (var restarted = start(dataDir)) {
            var http = RestClient.create("http://localhost:" + restarted.getEnvironment().getProperty("local.server.port"));
            JsonNode state = http.get().uri(chat).retrieve().body(JsonNode.class);
            assertThat(state.at("/awaiting/questionNumber").asInt()).as("the same link, where it left off").isEqualTo(2);
            assertThat(state.get("messages").toString()).contains("The workload was crushing.");
        }
    }

    private static org.springframework.context.ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ExitBotApplication.class).run(
                "--server.port=0",
                "--exitbot.data-dir=" + dataDir,
                "--camunda.bpm.process-engine-name=embedded-default-test",
                "--spring.ai.ollama.base-url=http://127.0.0.1:9",
                "--spring.ai.retry.backoff.initial-interval=10ms");
    }
}
