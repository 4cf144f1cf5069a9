package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CPU time the app spends on one answer: interviews driven through the chat API as the page does (the event
 * stream, and a {@code GET} of the state on each {@code state} event), the real job executor and one LLM worker slot
 * serving the LLM steps against the stub answering at once. Counted are the threads of the web server, the job
 * executor, the LLM worker and the chat event relay, between the first measured answer and the last; the client, the stub and the JVM's own threads
 * (JIT, GC) are not. Run with {@code ./mvnw -Pbench test -Dtest=TurnCostBenchmark}; writes
 * {@code target/bench/turn-cost.json}.
 */
class TurnCostBenchmark extends ExitBotIntegrationTest {

    private static final int WARM_UP = 4;
    private static final int INTERVIEWS = 12;
    private static final Pattern APP_THREADS = Pattern.compile("http-nio-.*|camundaTaskExecutor.*|chat-events-.*|llm-worker-.*|llm-lock-keeper");

    @DynamicPropertySource
    static void realJobExecutor(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        registry.add("exitbot.llm.worker.concurrency", () -> "1");
    }

    @LocalServerPort
    int port;

    int stateLoads;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Test
    void cpuTimePerAnswer() throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            interview(prepared());
        }
        var tokens = new String[INTERVIEWS];
        for (int i = 0; i < INTERVIEWS; i++) {
            tokens[i] = prepared();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = appThreadCpu(threads);
        long start = System.nanoTime();
        stateLoads = 0;
        int answers = 0;
        for (String token : tokens) {
            answers += interview(token);
        }
        long wall = System.nanoTime() - start;
        Map<Long, Long> after = appThreadCpu(threads);
        long cpu = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        double perAnswer = cpu / 1e6 / answers;
        String report = "%nTurn cost: %d answers in %d interviews (%d state loads), %.0f ms wall; app threads' CPU "
                .formatted(answers, INTERVIEWS, stateLoads, wall / 1e6)
                + "%.0f ms, %.1f ms per answer%n".formatted(cpu / 1e6, perAnswer);
        System.out.println(report);
        Path out = Path.of("target", "bench", "turn-cost.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, ("{\"answers\": %d, \"state_loads\": %d, \"app_cpu_ms\": %.0f, "
                + "\"cpu_ms_per_answer\": %.1f}%n").formatted(answers, stateLoads, cpu / 1e6, perAnswer));
        assertThat(answers).isEqualTo(INTERVIEWS * 4);
    }

    /** Starts an interview and consents on its page; the invitation's job runs before anything is measured. */
    private String prepared() {
        var request = InterviewFixtures.newInterview();
        interviews.start(request, HR_USER);
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.hasMailTo(smtp, request.email()));
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);
        return token;
    }

    /** Answers every question as the page would, and finishes; returns the answers given. */
    private int interview(String token) throws Exception {
        int answers = 0;
        try (var stream = EventStream.open("http://localhost:" + port, token)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines().contains("event:ready"));
            long loaded = 0;
            JsonNode state = state(token);
            while (!"review".equals(state.at("/awaiting/kind").asText())) {
                if (state.path("awaiting").isNull()) {
                    long before = loaded;
                    await().atMost(Duration.ofSeconds(30)).until(() -> stream.count("event:state") > before);
                    // the page loads the state on every state event
                    for (long events = stream.count("event:state"); loaded < events; loaded++) {
                        state = state(token);
                    }
                    continue;
                }
                state = http.postForObject("/api/chat/" + token + "/messages",
                        ChatReplies.answer(state, "Answer " + answers + ": the workload and the pay."), JsonNode.class);
                answers++;
            }
            http.postForObject("/api/chat/" + token + "/finish", Map.of(), JsonNode.class);
        }
        return answers;
    }

    private JsonNode state(String token) {
        stateLoads++;
        return http.getForObject("/api/chat/" + token, JsonNode.class);
    }

    private static Map<Long, Long> appThreadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && APP_THREADS.matcher(info.getThreadName()).matches()) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }
}
