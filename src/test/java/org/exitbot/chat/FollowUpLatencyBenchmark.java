package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.llm.OllamaStub.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Time from submitting an answer to the first streamed token of the follow-up on the page's event stream, with
 * the Ollama stub answering at once (0 ms model latency) and the real job executor and LLM worker running.
 * Run with {@code ./mvnw -Pbench verify}; prints the figures and writes {@code target/bench/follow-up-latency.json}.
 */
class FollowUpLatencyBenchmark extends ExitBotIntegrationTest {

    private static final int WARM_UP = 5;
    private static final int RUNS = 40;

    @DynamicPropertySource
    static void realJobExecutor(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        registry.add("exitbot.llm.worker.concurrency", () -> "1");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Test
    void firstFollowUpTokenAfterAnAnswer() throws Exception {
        ollama.respondWith(request -> request.isFollowUpDecision()
                ? Reply.followUp("What would have made the biggest difference for you back then?")
                : org.exitbot.llm.OllamaStub.plausibleReply(request));
        List<Long> firstToken = new ArrayList<>();
        List<Long> followUpShown = new ArrayList<>();
        for (int run = 0; run < WARM_UP + RUNS; run++) {
            long[] timing = measureOnce();
            if (run >= WARM_UP) {
                firstToken.add(timing[0]);
                followUpShown.add(timing[1]);
            }
        }
        String report = "%nFollow-up latency over %d runs (stub at 0 ms, real job executor and LLM worker), milliseconds:%n"
                .formatted(RUNS)
                + row("answer -> first streamed token", firstToken)
                + row("answer -> follow-up committed (state event)", followUpShown);
        System.out.println(report);
        Path out = Path.of("target", "bench", "follow-up-latency.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "{\"runs\": " + RUNS + ", \"first_token_ms\": " + stats(firstToken)
                + ", \"follow_up_committed_ms\": " + stats(followUpShown) + "}\n");
        assertThat(firstToken).hasSize(RUNS);
    }

    /** @return nanoseconds from the answer's POST to the first draft event, and to the state event after it */
    private long[] measureOnce() throws Exception {
        var request = InterviewFixtures.newInterview();
        interviews.start(request, HR_USER);
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.hasMailTo(smtp, request.email()));
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.getForObject("/api/chat/" + token, JsonNode.class).at("/awaiting/questionNumber").asInt() == 1);

        var reply = ChatReplies.answer(http, token, "Mostly the pay.");
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat/" + token + "/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        var reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        while (!"event:ready".equals(reader.readLine())) {
            // the stream is open once the server says so
        }
        long start = System.nanoTime();
        CompletableFuture<long[]> events = CompletableFuture.supplyAsync(() -> {
            long draft = 0;
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (draft == 0 && line.equals("event:draft")) {
                        draft = System.nanoTime();
                    } else if (draft != 0 && line.equals("event:state")) {
                        return new long[] {draft - start, System.nanoTime() - start};
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("stream ended");
        });
        http.postForEntity("/api/chat/" + token + "/messages", reply, String.class);
        long[] timing = events.get(30, TimeUnit.SECONDS);
        stream.body().close();
        return timing;
    }

    private static String row(String name, List<Long> nanos) {
        List<Long> ms = nanos.stream().map(n -> n / 1_000_000).sorted().toList();
        return "  %-45s p50 %5d   p95 %5d   min %5d   max %5d%n".formatted(name, percentile(ms, 50),
                percentile(ms, 95), ms.get(0), ms.get(ms.size() - 1));
    }

    private static String stats(List<Long> nanos) {
        List<Long> ms = nanos.stream().map(n -> n / 1_000_000).sorted().toList();
        return "{\"p50\": %d, \"p95\": %d, \"min\": %d, \"max\": %d}".formatted(percentile(ms, 50), percentile(ms, 95),
                ms.get(0), ms.get(ms.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
