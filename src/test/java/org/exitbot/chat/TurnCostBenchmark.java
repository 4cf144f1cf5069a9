package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
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
 * stream, showing the state each {@code state} event carries), the real job executor and one LLM worker slot serving
 * the LLM steps against the stub answering at once. Counted are the threads of the web server, the job executor, the
 * LLM worker (slots and settlers), the chat event relay and the state readers, between the first measured answer and
 * the last; the client, the stub and the JVM's own threads (JIT, GC) are not; and the SQL statements the app sent
 * meanwhile ({@link CountingDriver}). Measured twice: {@code cold}, after {@value #WARM_UP} interviews (the code
 * still interpreted or compiled once), and {@code steady}, after {@code bench.warmUp} more (default
 * {@value #STEADY_WARM_UP}). {@code -Dbench.jfr=turn.jfr} records the steady phase with JFR's {@code profile}
 * settings. Run with {@code ./mvnw -Pbench test -Dtest=TurnCostBenchmark}; writes {@code target/bench/turn-cost.json} and the
 * statements by SQL text to {@code target/bench/turn-cost-sql.txt}, there also by the app's method that sent them
 * with {@code -Dbench.sqlCallers=true} (which costs CPU time: compare CPU figures without it).
 */
class TurnCostBenchmark extends ExitBotIntegrationTest {

    private static final int WARM_UP = 4;
    private static final int STEADY_WARM_UP = 40;
    private static final int INTERVIEWS = 12;
    private static final Pattern APP_THREADS = Pattern.compile("http-nio-.*|camundaTaskExecutor.*|chat-events-.*|llm-worker-.*|llm-settler-.*|llm-lock-keeper|chat-states-.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void realJobExecutor(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        registry.add("exitbot.llm.worker.concurrency", () -> "1");
        registry.add("spring.datasource.driver-class-name", CountingDriver.class::getName);
    }

    @LocalServerPort
    int port;

    int stateLoads;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    /** What one measured batch of interviews cost. */
    record Phase(String name, int answers, int stateLoads, double wallMs, double cpuMs, long statements,
            long appStatements, Map<String, Long> statementsByThread, Map<String, Long> statementsBySql,
            Map<String, Long> statementsByCaller) {

        double perAnswer(double total) {
            return total / answers;
        }

        String line() {
            return "%s: %d answers in %d interviews, %.2f state loads, %.1f ms app CPU, %.1f SQL statements (%.1f on app threads) per answer; %.0f ms wall"
                    .formatted(name, answers, INTERVIEWS, perAnswer(stateLoads), perAnswer(cpuMs), perAnswer(statements),
                            perAnswer(appStatements), wallMs);
        }

        String json() {
            return ("{\"answers\": %d, \"state_loads\": %d, \"state_loads_per_answer\": %.2f, \"app_cpu_ms\": %.0f, "
                    + "\"cpu_ms_per_answer\": %.1f, \"sql_statements\": %d, \"sql_per_answer\": %.1f, "
                    + "\"sql_on_app_threads_per_answer\": %.1f}").formatted(answers, stateLoads,
                    perAnswer(stateLoads), cpuMs, perAnswer(cpuMs), statements, perAnswer(statements),
                    perAnswer(appStatements));
        }
    }

    @Test
    void cpuTimePerAnswer() throws Exception {
        int steadyWarmUp = Integer.getInteger("bench.warmUp", STEADY_WARM_UP);
        for (int i = 0; i < WARM_UP; i++) {
            interview(prepared());
        }
        Phase cold = measure("cold");
        for (int i = 0; i < steadyWarmUp; i++) {
            interview(prepared());
        }
        String jfr = System.getProperty("bench.jfr", "");
        Phase steady;
        if (jfr.isBlank()) {
            steady = measure("steady");
        } else {
            try (var recording = new Recording(Configuration.getConfiguration("profile"))) {
                recording.start();
                steady = measure("steady");
                recording.stop();
                recording.dump(Path.of(jfr));
            }
        }
        String report = "%nTurn cost (after %d and %d warm-up interviews)%n%s%n%s%n".formatted(WARM_UP,
                WARM_UP + steadyWarmUp, cold.line(), steady.line());
        System.out.println(report);
        Path out = Path.of("target", "bench", "turn-cost.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "{\"warm_up_interviews\": {\"cold\": %d, \"steady\": %d},%n \"cold\": %s,%n \"steady\": %s}%n"
                .formatted(WARM_UP, WARM_UP + steadyWarmUp, cold.json(), steady.json()));
        var sql = new StringBuilder(report);
        for (Phase phase : List.of(cold, steady)) {
            sql.append("%n%s, statements by thread:%n".formatted(phase.name()));
            phase.statementsByThread().forEach((thread, n) -> sql.append("%8d  %s%n".formatted(n, thread)));
            sql.append("%n%s, statements by SQL text:%n".formatted(phase.name()));
            phase.statementsBySql().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sql.append("%8d  %s%n".formatted(e.getValue(), e.getKey())));
            if (!phase.statementsByCaller().isEmpty()) {
                sql.append("%n%s, statements by thread | caller | SQL text:%n".formatted(phase.name()));
                phase.statementsByCaller().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> sql.append("%8d  %s%n".formatted(e.getValue(), e.getKey())));
            }
        }
        Files.writeString(Path.of("target", "bench", "turn-cost-sql.txt"), sql);
        assertThat(cold.answers()).isEqualTo(INTERVIEWS * 4);
        assertThat(steady.answers()).isEqualTo(INTERVIEWS * 4);
    }

    private Phase measure(String name) throws Exception {
        var tokens = new String[INTERVIEWS];
        for (int i = 0; i < INTERVIEWS; i++) {
            tokens[i] = prepared();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = appThreadCpu(threads);
        Map<String, Long> byThreadBefore = CountingDriver.byThread();
        Map<String, Long> bySqlBefore = CountingDriver.bySql();
        Map<String, Long> byCallerBefore = CountingDriver.byCaller();
        long start = System.nanoTime();
        stateLoads = 0;
        int answers = 0;
        for (String token : tokens) {
            answers += interview(token);
        }
        long wall = System.nanoTime() - start;
        Map<Long, Long> after = appThreadCpu(threads);
        long cpu = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        Map<String, Long> byThread = difference(CountingDriver.byThread(), byThreadBefore);
        long statements = byThread.values().stream().mapToLong(Long::longValue).sum();
        long appStatements = byThread.entrySet().stream().filter(e -> APP_THREADS.matcher(e.getKey()).matches())
                .mapToLong(Map.Entry::getValue).sum();
        return new Phase(name, answers, stateLoads, wall / 1e6, cpu / 1e6, statements, appStatements, byThread,
                difference(CountingDriver.bySql(), bySqlBefore), difference(CountingDriver.byCaller(), byCallerBefore));
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        var difference = new TreeMap<String, Long>();
        after.forEach((key, n) -> {
            long d = n - before.getOrDefault(key, 0L);
            if (d > 0) {
                difference.put(key, d);
            }
        });
        return difference;
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
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.data(ChatEvents.READY).isEmpty());
            JsonNode state = state(token);
            int seen = stream.data(ChatEvent.STATE).size();
            while (!"review".equals(state.at("/awaiting/kind").asText())) {
                if (state.path("awaiting").isNull()) {
                    int before = seen;
                    await().atMost(Duration.ofSeconds(30)).until(() -> stream.data(ChatEvent.STATE).size() > before);
                    // the page shows the state each state event carries
                    seen = stream.data(ChatEvent.STATE).size();
                    state = JSON.readTree(stream.lastData(ChatEvent.STATE));
                    continue;
                }
                seen = stream.data(ChatEvent.STATE).size();
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
