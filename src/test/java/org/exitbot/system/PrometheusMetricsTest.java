package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewService;
import org.exitbot.llm.OllamaStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/prometheus} for operators only, with the figures of what happened (interviews, LLM calls,
 * follow-up waits, mail, Camunda's jobs) and nothing that names a person; the Grafana dashboard draws only
 * metrics the scrape has.
 */
class PrometheusMetricsTest extends ExitBotIntegrationTest {

    static final String ADMIN_PASSWORD = "admin-test-password";
    static final Path DASHBOARD = Path.of("docs", "grafana", "exitbot-dashboard.json");
    /** A metric name in a PromQL expression: a word followed by a selector, a range or the end of an argument. */
    private static final Pattern METRIC_IN_QUERY = Pattern.compile("\\b((?:exitbot|camunda|jvm|process|http|hikaricp"
            + "|tomcat)_[a-z0-9_]+)\\b");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews exitInterviews;

    @Autowired
    InterviewService interviewService;

    @Test
    void onlyAnAdministratorOrTheMetricsTokenMayScrape() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> hr = http.withBasicAuth(HR_USER, HR_PASSWORD)
                .getForEntity("/actuator/prometheus", JsonNode.class);
        assertThat(hr.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(hr.getBody().path("detail").asText()).contains("administrators", "EXITBOT_METRICS_TOKEN");
        assertThat(bearer("not-the-metrics-token-but-long-enough-0123456789").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer(METRICS_TOKEN).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void afterAnInterviewTheScrapeHoldsItsFiguresAndNothingAboutThePerson() {
        ollama.respondWith(request -> request.isFollowUpDecision()
                ? OllamaStub.Reply.decision(false, "", "negative", -0.5)
                : OllamaStub.plausibleReply(request));
        String before = scrape();
        var driver = new InterviewDriver(exitInterviews, processEngine.getTaskService(), this::runDueJobs);
        UUID completed = driver.start(HR_USER);
        driver.complete(completed, "The workload was too high for too long.");
        UUID stopped = driver.start(HR_USER);
        driver.stop(stopped);
        String after = scrape();

        assertThat(delta(before, after, "exitbot_interviews_total{event=\"started\"}")).isEqualTo(2);
        assertThat(delta(before, after, "exitbot_interviews_total{event=\"completed\"}")).isEqualTo(1);
        assertThat(delta(before, after, "exitbot_interviews_total{event=\"stopped\"}")).isEqualTo(1);
        assertThat(delta(before, after, "exitbot_interviews_total{event=\"expired\"}")).isZero();
        assertThat(delta(before, after, "exitbot_mail_total{kind=\"invitation\",outcome=\"sent\"}")).isEqualTo(2);
        assertThat(delta(before, after, "exitbot_mail_total{kind=\"thanks\",outcome=\"sent\"}")).isEqualTo(1);
        // the default set's four questions, each answered once, no follow-up asked
        assertThat(delta(before, after,
                "exitbot_llm_calls_seconds_count{outcome=\"answered\",prompt=\"follow-up/v2\"}")).isEqualTo(4);
        assertThat(delta(before, after, "exitbot_follow_up_wait_seconds_count{follow_up=\"none\"}")).isEqualTo(4);
        assertThat(delta(before, after, "exitbot_follow_up_wait_seconds_bucket{follow_up=\"none\",le=\"+Inf\"}"))
                .isEqualTo(4);
        assertThat(delta(before, after, "camunda_engine_metrics_total{metric=\"job-successful\"}"))
                .as("the jobs the test ran as the job executor would").isPositive();
        assertThat(value(after, "exitbot_jobs{state=\"failed\"}")).isNotNull();
        assertThat(value(after, "exitbot_external_tasks{state=\"open\"}")).isNotNull();

        for (UUID id : List.of(completed, stopped)) {
            Interview interview = interviewService.get(id);
            for (String personal : new String[] {id.toString(), interview.getEmployeeId(), interview.getEmail(),
                    interview.getName(), interview.getManager(), interview.getProcessInstanceId()}) {
                assertThat(after).as("the scrape names no one").doesNotContain(personal);
            }
        }
    }

    /** Every metric the dashboard draws is one the app exposes, so no panel stays empty for a wrong name. */
    @Test
    void theGrafanaDashboardDrawsOnlyMetricsTheScrapeHolds() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("panels")).isNotEmpty();
        Set<String> referenced = new TreeSet<>();
        List<String> panelsWithoutQuery = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            if (panel.path("targets").isEmpty()) {
                panelsWithoutQuery.add(panel.path("title").asText());
            }
            for (JsonNode target : panel.path("targets")) {
                Matcher matcher = METRIC_IN_QUERY.matcher(target.path("expr").asText());
                while (matcher.find()) {
                    referenced.add(matcher.group(1));
                }
            }
        }
        assertThat(panelsWithoutQuery).isEmpty();
        assertThat(referenced).contains("exitbot_interviews_total", "exitbot_llm_calls_seconds_count",
                "exitbot_follow_up_wait_seconds_bucket", "exitbot_mail_total", "exitbot_jobs",
                "camunda_engine_metrics_total");
        Set<String> exposed = metricNames(scrapeAfterSomeWork());
        assertThat(exposed).as("metrics the dashboard draws").containsAll(referenced);
    }

    private String scrapeAfterSomeWork() {
        var driver = new InterviewDriver(exitInterviews, processEngine.getTaskService(), this::runDueJobs);
        UUID id = driver.start(HR_USER);
        driver.answer(id, "Too much overtime.");
        return scrape();
    }

    private static Set<String> metricNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private String scrape() {
        ResponseEntity<String> response = bearer(METRICS_TOKEN);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<String> bearer(String token) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static double delta(String before, String after, String series) {
        Double then = value(before, series);
        Double now = value(after, series);
        assertThat(now).as(series + " after the interview").isNotNull();
        return now - (then == null ? 0 : then);
    }

    private static Double value(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        return null;
    }
}
