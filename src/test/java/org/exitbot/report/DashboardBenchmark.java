package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.NewInterview;
import org.exitbot.interview.Visibility;
import org.exitbot.report.ReportFixtures.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard with 1,000 interviews: {@code ./mvnw -B -Pbench test} (not part of the default build). 100 run
 * through the real process, so the process page has history; 900 more are written as finished interviews over
 * twelve months and eight departments. Prints the median of 5 timed loads of each page and export, after a
 * warm-up, and writes them to {@code target/bench/dashboard.txt}.
 */
class DashboardBenchmark extends ExitBotIntegrationTest {

    private static final int THROUGH_PROCESS = 100;
    private static final int WRITTEN = 900;
    private static final int RUNS = 5;
    private static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Support", "Finance",
            "Marketing", "Operations", "People", "Legal");

    @LocalServerPort
    int port;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> lines = new ArrayList<>();

    @Test
    void dashboardWithAThousandInterviews() throws Exception {
        long seeding = System.nanoTime();
        seedThroughTheProcess();
        seedWritten();
        int total = jdbc.queryForObject("select count(*) from interview", Integer.class);
        report("interviews in the database: %d (%d through the process, %d written), seeded in %.0f s", total,
                THROUGH_PROCESS, WRITTEN, (System.nanoTime() - seeding) / 1e9);
        UUID one = jdbc.queryForObject("select id from interview where visibility = 'ATTRIBUTED' order by created_at limit 1",
                UUID.class);

        logIn();
        report("%-44s %10s %10s", "server response (median of " + RUNS + ")", "time", "size");
        for (String path : List.of("/hr", "/hr/interviews", "/hr/interviews/" + one, "/hr/process",
                "/hr/question-sets", "/api/reports/summary", "/api/reports/process",
                "/api/reports/export?format=csv", "/api/reports/export?format=json",
                "/api/reports/export?format=csv&view=summary", "/api/reports/export?format=json&view=summary")) {
            time(path);
        }
        browserLoads(one);
        Path out = Path.of("target", "bench", "dashboard.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private void seedThroughTheProcess() {
        var tasks = processEngine.getTaskService();
        for (int i = 0; i < THROUGH_PROCESS; i++) {
            var template = InterviewFixtures.newInterview();
            var started = interviews.start(new NewInterview(template.employeeId(), template.name(), template.email(),
                    DEPARTMENTS.get(i % DEPARTMENTS.size()), null, null, template.lastWorkingDay(), "en", null,
                    i % 10 == 0 ? "anonymous" : null), HR_USER);
            runDueJobs();
            if (i % 5 == 4) {
                continue;
            }
            String instance = started.processInstanceId();
            tasks.complete(answerTask(instance), Map.of("action", "answer", "answer", "The workload kept growing."));
            runDueJobs();
            tasks.complete(answerTask(instance), Map.of("action", "stop"));
            runDueJobs();
            if (i % 5 < 3 && i % 10 != 0) {
                // an anonymous interview has no review task
                tasks.complete(tasks.createTaskQuery().processInstanceId(instance)
                        .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK).singleResult().getId(),
                        Map.of("departureType", "voluntary", "regrettable", "true", "rehireEligible", "yes"));
            }
        }
    }

    private void seedWritten() {
        var fixtures = new ReportFixtures(jdbc);
        var random = new Random(42);
        Instant start = LocalDate.of(2025, 12, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Theme[] themes = Theme.values();
        for (int i = 0; i < WRITTEN; i++) {
            double score = Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0;
            Theme reason = themes[random.nextInt(themes.length)];
            var seed = new Seed(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())),
                    random.nextInt(10) == 0 ? Visibility.ANONYMOUS : Visibility.ATTRIBUTED,
                    random.nextInt(6) == 0 ? InterviewStatus.EXPIRED : InterviewStatus.COMPLETED,
                    random.nextInt(4) > 0, start.plus(Duration.ofHours(random.nextInt(365 * 24))),
                    Duration.ofMinutes(20 + random.nextInt(60 * 72)),
                    score < -0.2 ? Sentiment.NEGATIVE : score > 0.2 ? Sentiment.POSITIVE : Sentiment.NEUTRAL, score,
                    reason, List.of(reason, themes[random.nextInt(themes.length)]), "voluntary");
            fixtures.insert(random.nextInt(12) == 0 ? seed.notFinished() : seed);
        }
    }

    private void logIn() throws Exception {
        var page = get("/hr/login").body();
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        var login = client.send(HttpRequest.newBuilder(uri("/hr/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + HR_USER + "&password=" + HR_PASSWORD
                        + "&_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
    }

    private void time(String path) throws Exception {
        get(path);
        var times = new ArrayList<Double>();
        long size = 0;
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            var response = client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - started) / 1e6);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            size = response.body().length;
        }
        report("%-44s %7.0f ms %7.0f kB", path, median(times), size / 1024.0);
    }

    /** Load time as a person sees it: Chromium's navigation timing up to the load event, charts drawn. */
    private void browserLoads(UUID one) {
        if (!java.nio.file.Files.isExecutable(Browser.CHROMIUM)) {
            report("(no Chromium: browser load times skipped)");
            return;
        }
        report("%-44s %10s", "browser page load (median of " + RUNS + ")", "load event");
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.desktop()) {
            browser.logInToDashboard(base, HR_USER, HR_PASSWORD);
            for (String path : List.of("/hr", "/hr/interviews", "/hr/interviews/" + one, "/hr/process",
                    "/hr/question-sets")) {
                browser.driver().get(base + path);
                var times = new ArrayList<Double>();
                for (int run = 0; run < RUNS; run++) {
                    browser.driver().get(base + path);
                    browser.waiting().until(d -> ((Number) browser.driver().executeScript(
                            "return performance.getEntriesByType('navigation')[0].loadEventEnd")).doubleValue() > 0);
                    times.add(((Number) browser.driver().executeScript(
                            "return performance.getEntriesByType('navigation')[0].loadEventEnd")).doubleValue());
                }
                report("%-44s %7.0f ms", path, median(times));
            }
            browser.driver().get(base + "/hr");
            browser.screenshot("bench-overview");
        }
    }

    private String answerTask(String instance) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult().getId();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private void report(String format, Object... args) {
        String line = String.format(java.util.Locale.ROOT, format, args);
        lines.add(line);
        System.out.println("BENCH " + line);
    }
}
