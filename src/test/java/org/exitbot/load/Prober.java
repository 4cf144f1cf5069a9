package org.exitbot.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Once a second on every node still running: HR's dashboard ({@code /hr}, logged in through its form) and an
 * employee's {@code GET /api/chat/{token}} (of the first interview whose invitation arrived), each timed; a probe that fails or takes more than
 * {@value #TIMEOUT_SECONDS} s counts as failed. Also samples the machine's load average each second.
 */
final class Prober implements AutoCloseable {

    static final int TIMEOUT_SECONDS = 10;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** What one kind of probe measured. */
    record Probes(Stats latency, int overOneSecond, int failed, Map<String, Integer> failures) {
    }

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(8);
    private final HttpClient employee = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> failures = new ConcurrentHashMap<>();
    private final List<Double> loadAverages = new CopyOnWriteArrayList<>();
    private final Map<AppNode, HttpClient> sessions = new ConcurrentHashMap<>();
    private final String hrPassword;
    private final Supplier<String> chatToken;

    Prober(List<AppNode> nodes, String hrPassword, Supplier<String> chatToken) {
        this.hrPassword = hrPassword;
        this.chatToken = chatToken;
        for (AppNode node : nodes) {
            scheduler.scheduleAtFixedRate(() -> probeDashboard(node), 0, 1, TimeUnit.SECONDS);
            scheduler.scheduleAtFixedRate(() -> probeChat(node), 0, 1, TimeUnit.SECONDS);
        }
        scheduler.scheduleAtFixedRate(() -> loadAverages.add(
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()), 0, 1, TimeUnit.SECONDS);
    }

    private void probeDashboard(AppNode node) {
        if (node.killed()) {
            return;
        }
        HttpClient session = sessions.computeIfAbsent(node, n -> HttpClient.newBuilder().cookieHandler(new CookieManager())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build());
        long start = System.nanoTime();
        try {
            HttpResponse<String> page = get(session, node, "/hr");
            if (page.statusCode() == 302) {
                logIn(session, node);
                start = System.nanoTime();
                page = get(session, node, "/hr");
            }
            record("dashboard", start, page.statusCode() == 200 ? null : "status " + page.statusCode(), node);
        } catch (IOException e) {
            record("dashboard", start, e.getClass().getSimpleName(), node);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void probeChat(AppNode node) {
        String token = chatToken.get();
        if (node.killed() || token == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            int status = get(employee, node, "/api/chat/" + token).statusCode();
            record("chat", start, status == 200 ? null : "status " + status, node);
        } catch (IOException e) {
            record("chat", start, e.getClass().getSimpleName(), node);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @param failure why the probe failed, or null when it answered 200 */
    private void record(String probe, long start, String failure, AppNode node) {
        if (node.killed()) {
            return;
        }
        if (failure == null) {
            latencies.computeIfAbsent(probe, p -> new CopyOnWriteArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
        } else {
            failures.computeIfAbsent(probe, p -> new ConcurrentHashMap<>()).merge(failure, 1, Integer::sum);
        }
    }

    private void logIn(HttpClient session, AppNode node) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(get(session, node, "/hr/login").body());
        if (!csrf.find()) {
            throw new IOException("no CSRF token on the login page");
        }
        String form = "username=" + NodeLauncher.HR_USER + "&password=" + URLEncoder.encode(hrPassword, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        session.send(HttpRequest.newBuilder(node.uri("/hr/login")).timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpResponse<String> get(HttpClient client, AppNode node, String path)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Probes probes(String probe) {
        List<Long> measured = new ArrayList<>(latencies.getOrDefault(probe, List.of()));
        Map<String, Integer> failed = new java.util.TreeMap<>(failures.getOrDefault(probe, Map.of()));
        return new Probes(Stats.of(measured), (int) measured.stream().filter(ms -> ms > 1000).count(),
                failed.values().stream().mapToInt(Integer::intValue).sum(), failed);
    }

    List<Double> loadAverages() {
        return List.copyOf(loadAverages);
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
    }
}
