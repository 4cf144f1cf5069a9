package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How fast oversized bodies are refused, and what the login throttle costs an HTTP Basic call:
 * {@code ./mvnw -B -Pbench test -Dtest=RequestLimitsBenchmark} (not part of the default build). Prints the median
 * and the 95th percentile of each, after a warm-up, and writes them to {@code target/bench/request-limits.txt}.
 */
class RequestLimitsBenchmark extends ExitBotIntegrationTest {

    private static final int WARM_UP = 10;
    private static final int RUNS = 50;
    private static final String FORGED = "/api/chat/" + "F".repeat(43) + "/messages";

    @LocalServerPort
    int port;

    private final List<String> lines = new ArrayList<>();

    @Test
    void oversizedBodiesAndBasicLogins() throws IOException {
        report("%-62s %9s %9s", "from the request's head to the answer (" + RUNS + " runs)", "p50 ms", "p95 ms");
        time("64 MiB announced to the chat, forged token: 413", 413, () -> RawHttp.announceAndSendPart(port, "POST",
                FORGED, Map.of("Content-Type", "application/json"), 64L * 1024 * 1024, 64 * 1024));
        time("chunked, never ending, to the chat: 413", 413, () -> RawHttp.chunkedWithoutEnd(port, "POST", FORGED,
                Map.of("Content-Type", "application/json"), 16 * 1024, 64));
        time("3 MiB announced to the leaver import: 413", 413, () -> RawHttp.announceAndSendPart(port, "POST",
                "/api/interviews/import", Map.of("Content-Type", "text/csv", "Authorization", basic()),
                3L * 1024 * 1024, 64 * 1024));
        time("GET /api/question-sets with HTTP Basic (throttle checked): 200", 200, () -> RawHttp.announceAndSendPart(
                port, "GET", "/api/question-sets", Map.of("Authorization", basic()), 0, 0));
        time("GET /api/question-sets with an API key (no throttle): 200", 200, () -> RawHttp.announceAndSendPart(
                port, "GET", "/api/question-sets", Map.of("X-API-Key", API_KEY), 0, 0));
        Path out = Path.of("target", "bench", "request-limits.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private void time(String what, int status, Supplier<RawHttp.Response> call) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(call.get().status()).isEqualTo(status);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            assertThat(call.get().status()).isEqualTo(status);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        report("%-62s %9.1f %9.1f", what, millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((HR_USER + ":" + HR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void report(String format, Object... values) {
        String line = String.format(format, values);
        lines.add(line);
        System.out.println(line);
    }
}
