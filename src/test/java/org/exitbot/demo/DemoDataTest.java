package org.exitbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.FallbackAnalyzer;
import org.exitbot.analysis.Theme;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.Browser;
import org.exitbot.report.AnonymousCommentsReport;
import org.exitbot.report.GroupCount;
import org.exitbot.report.ReportFilter;
import org.exitbot.report.ReportService;
import org.exitbot.report.ReportSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo set on PostgreSQL, played through the app with no Ollama answering (the first run): its spread, its
 * marks in the exports, its refusal beside real interviews, and a removal that leaves nothing behind, in the app's
 * tables or in Camunda's runtime and history. The set is loaded once (it takes a minute or more), so the tests run
 * in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataTest extends ExitBotIntegrationTest {

    @Autowired
    DemoData demoData;

    @Autowired
    DemoLoadRecord loadRecord;

    @Autowired
    ExitInterviews exitInterviews;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportService reports;

    @Autowired
    AnonymousCommentsReport anonymousComments;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper objectMapper;

    @LocalServerPort
    int port;

    @AfterAll
    void removeWhatIsLeft() {
        demoData.remove();
    }

    @Test
    @Order(0)
    void ofTwoNodesClaimingTheLoadAtOnceOneLoads() throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var claims = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int node = 0; node < 2; node++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return loadRecord.claim(150);
                }));
            }
            start.countDown();
            assertThat(List.of(claims.get(0).get(), claims.get(1).get())).containsExactlyInAnyOrder(true, false);
            assertThat(loadRecord.progress()).contains(new DemoLoadRecord.Progress(0, 150));
        } finally {
            pool.shutdownNow();
            loadRecord.clear();
        }
    }

    @Test
    @Order(1)
    void isRefusedWhileTheDatabaseHoldsRealInterviews() {
        exitInterviews.start(InterviewFixtures.newInterview(), HR_USER);

        assertThat(demoData.load()).isEqualTo(DemoData.Outcome.REFUSED);
        assertThat(demoData.count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from demo_data_load", Integer.class)).isZero();
    }

    @Test
    @Order(2)
    void loadsInterviewsOfEveryDepartmentMonthLanguageSentimentThemeAndEndingAndMailsNobody() throws Exception {
        emptyDatabase();
        ollama.respondWith(request -> Reply.error(503, "no model here"));

        assertThat(servingLlmTasks(() -> demoData.load())).isEqualTo(DemoData.Outcome.LOADED);

        assertThat(demoData.count()).isEqualTo(150);
        assertThat(distinct("select distinct department from interview")).hasSize(8);
        assertThat(distinct("select distinct to_char(created_at at time zone 'UTC', 'YYYY-MM') from interview"))
                .hasSize(12);
        assertThat(distinct("select distinct locale from interview")).containsExactlyInAnyOrder("en", "de", "fr", "es");
        assertThat(distinct("select distinct finished_as from interview"))
                .containsExactlyInAnyOrder("completed", "stopped", "expired");
        assertThat(distinct("select distinct visibility from interview"))
                .containsExactlyInAnyOrder("attributed", "anonymous");
        assertThat(distinct("select distinct status from interview")).as("all reviewed").containsExactly("closed");
        assertThat(distinct("select distinct sentiment from interview_analysis"))
                .contains("negative", "neutral", "positive", "mixed");
        assertThat(distinct("select distinct main_reason from interview_analysis where main_reason is not null"))
                .hasSize(Theme.values().length);
        assertThat(themesFound()).hasSize(Theme.values().length);
        for (String locale : List.of("en", "de", "fr", "es")) {
            assertThat(distinct("select distinct a.sentiment from interview_analysis a join interview i"
                    + " on i.id = a.interview_id where i.locale = '" + locale + "'"))
                    .as("sentiments in %s", locale).contains("negative", "positive", "mixed", "neutral");
        }
        assertThat(distinct("select distinct model from interview_analysis"))
                .as("the process's own analysis, by the fallback while no LLM answers (none for no answer)")
                .contains(FallbackAnalyzer.MODEL.toLowerCase(java.util.Locale.ROOT))
                .isSubsetOf(FallbackAnalyzer.MODEL.toLowerCase(java.util.Locale.ROOT), "none");
        assertThat(smtp.getReceivedMessages()).as("demo interviews are never mailed").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from mail_send m join interview i on i.id = m.interview_id",
                Integer.class)).as("no send of theirs begun").isZero();
        assertThat(demoData.load()).as("loaded once").isEqualTo(DemoData.Outcome.ALREADY_LOADED);
    }

    @Test
    @Order(3)
    void noFigureIsSuppressedUnderTheCellRuleAndAnonymousCommentsOpenForSomeGroups() {
        int k = reports.minGroupSize();
        var cells = jdbc.queryForList("select to_char(i.created_at at time zone 'UTC', 'YYYY-MM') as month,"
                + " i.department, count(*) as invited,"
                + " sum(case when lower(i.finished_as) = 'completed' then 1 else 0 end) as completed,"
                + " sum(case when lower(i.visibility) = 'anonymous' then 1 else 0 end) as anonymous"
                + " from interview i group by 1, 2");
        assertThat(cells).hasSize(24);
        for (var cell : cells) {
            long invited = ((Number) cell.get("invited")).longValue();
            long anonymous = ((Number) cell.get("anonymous")).longValue();
            assertThat(((Number) cell.get("completed")).longValue()).as("completed in %s", cell)
                    .isGreaterThanOrEqualTo(k);
            assertThat(anonymous).as("anonymous in %s", cell).isIn(0L, invited);
        }
        for (String department : reports.departments()) {
            for (ReportFilter filter : List.of(new ReportFilter(null, null, null),
                    new ReportFilter(null, null, department))) {
                ReportSummary summary = reports.summary(filter);
                assertThat(summary.invited().suppressed()).isFalse();
                assertThat(List.of(summary.completed(), summary.reviewed())).noneMatch(GroupCount::suppressed);
                assertThat(summary.completionRate()).isNotNull();
                assertThat(summary.medianTimeToComplete()).isNotNull();
                assertThat(summary.sentimentByMonth()).isNotEmpty()
                        .allMatch(group -> group.averageScore() != null);
                assertThat(summary.sentimentByDepartment()).allMatch(group -> group.averageScore() != null);
                assertThat(summary.topThemes()).isNotEmpty();
                assertThat(summary.reasons()).isNotEmpty();
            }
        }
        ReportSummary all = reports.summary(new ReportFilter(null, null, null));
        assertThat(all.sentimentByMonth()).hasSize(12);
        assertThat(all.sentimentByDepartment()).hasSize(8);
        assertThat(all.topThemes()).hasSize(Theme.values().length).noneMatch(GroupCount::suppressed);
        assertThat(all.reasons()).noneMatch(GroupCount::suppressed);

        var comments = anonymousComments.report(null);
        assertThat(comments.groups()).isNotEmpty().allMatch(AnonymousCommentsReport.Group::open);
        assertThat(comments.groups()).allMatch(group -> !group.comments().isEmpty()
                && group.comments().stream().allMatch(AnonymousCommentsReport.Comment::demo));
    }

    @Test
    @Order(4)
    void everyExportMarksTheDemoRows() throws Exception {
        String csv = hr().getForObject("/api/reports/export?format=csv&view=interviews", String.class);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).endsWith(",demo");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(line -> line.endsWith(",true"));
        JsonNode json = objectMapper.readTree(hr().getForObject("/api/reports/export?format=json&view=interviews",
                String.class));
        assertThat(json).isNotEmpty().allMatch(row -> row.get("demo").asBoolean());
        assertThat(hr().getForObject("/api/reports/export?format=csv&view=summary", String.class))
                .contains("overview,demo_interviews,150");
        assertThat(objectMapper.readTree(hr().getForObject("/api/reports/export?format=json&view=summary",
                String.class)).get("demoInterviews").asInt()).isEqualTo(150);
        JsonNode comments = objectMapper.readTree(hr().getForObject("/api/anonymous-comments", String.class));
        assertThat(comments.get("groups").findValues("demo")).isNotEmpty().allMatch(JsonNode::asBoolean);
        assertThat(hr().getForObject("/api/demo-data", JsonNode.class).get("interviews").asInt()).isEqualTo(150);
    }

    @Test
    @Order(5)
    @ExtendWith(Browser.Required.class)
    void everyPageShowsTheBannerAndDrawsEveryChartWithData() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            browser.logInToDashboard(base, HR_USER, HR_PASSWORD);
            for (var page : List.of(new Page("/hr", 4), new Page("/hr/interviews", 0), new Page("/hr/process", 2),
                    new Page("/hr/question-sets", 0), new Page("/hr/actions", 0),
                    new Page("/hr/anonymous-comments", 0))) {
                driver.get(base + page.path());
                var banner = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-banner")));
                assertThat(banner.getText()).as(page.path()).contains("Demo data").contains("150");
                assertThat(driver.findElement(By.id("remove-demo-data")).isDisplayed()).isTrue();
                assertThat(driver.getPageSource()).as(page.path()).doesNotContain("(fewer than");
                assertThat(driver.findElements(By.xpath("//td[starts-with(normalize-space(.), 'fewer than')]")))
                        .as("suppressed figures on %s", page.path()).isEmpty();
                Object drawn = driver.executeScript("return Array.from(document.querySelectorAll('canvas.chart'))"
                        + ".map(c => window.Chart && Chart.getChart(c)).filter(chart => chart"
                        + " && chart.data.datasets[0].data.length > 0"
                        + " && chart.data.datasets[0].data.every(v => v !== null)).length");
                assertThat(((Number) drawn).intValue()).as("charts drawn with data on %s", page.path())
                        .isEqualTo(page.charts());
                browser.screenshot("demo-data" + page.path().replace('/', '-'));
            }
            driver.get(base + "/hr/anonymous-comments");
            assertThat(driver.findElements(By.cssSelector("table.comments .flag.demo"))).as("demo comments marked")
                    .isNotEmpty();
            driver.get(base + "/hr/interviews");
            var firstRow = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#interview-list tbody tr")));
            assertThat(firstRow.getText()).contains("demo");
            firstRow.findElement(By.tagName("a")).click();
            assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-interview")))
                    .getText()).contains("Demo data");
            assertThat(driver.findElement(By.id("demo-banner")).isDisplayed()).isTrue();
        }
    }

    private record Page(String path, int charts) {
    }

    @Test
    @Order(6)
    void oneCallRemovesEveryDemoInterviewWithItsAnalysesAndItsProcessesRuntimeAndHistory() {
        // as the job executor would: the history clean-ups that anonymisation and retention ordered run, or wait
        runDueJobs();
        List<String> ids = jdbc.queryForList("select cast(id as varchar) from interview", String.class);
        List<String> processes = processesOf(ids);
        assertThat(processes).hasSizeGreaterThan(150);
        List<String> exitProcesses = jdbc.queryForList("select process_instance_id from interview", String.class);
        processes = new java.util.ArrayList<>(processes);
        processes.addAll(jdbc.queryForList("select PROC_INST_ID_ from ACT_HI_VARINST where NAME_ = 'processInstanceId'"
                + " and TEXT_ in (" + quoted(exitProcesses) + ")", String.class));
        assertThat(jdbc.queryForObject("select count(*) from anonymous_comment where demo = true", Integer.class))
                .isPositive();
        var removed = hr().exchange("/api/demo-data", HttpMethod.DELETE, null, JsonNode.class);

        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(removed.getBody().get("removed").asInt()).isEqualTo(150);
        assertThat(jdbc.queryForObject("select count(*) from interview", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from interview_message", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from interview_analysis", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from demo_data_load", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from erasure_log where cast(interview_id as varchar) in ("
                + quoted(ids) + ")", Integer.class)).isZero();
        assertThat(processesOf(ids)).isEmpty();
        for (String table : jdbc.queryForList("select table_name from information_schema.columns"
                + " where column_name = 'proc_inst_id_' and (table_name like 'act_hi_%' or table_name like 'act_ru_%')",
                String.class)) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where proc_inst_id_ in ("
                    + quoted(processes) + ")", Integer.class)).as(table).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from anonymous_comment", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from anonymous_comment_count", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from transcript_access", Integer.class)).isZero();
        assertThat(hr().getForObject("/api/demo-data", JsonNode.class).get("interviews").asInt()).isZero();
    }

    /** Runs {@code load} while a slot of the LLM worker serves its tasks, as in production (the tests have none). */
    private <T> T servingLlmTasks(java.util.function.Supplier<T> load) throws Exception {
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread slot = new Thread(() -> {
            while (!done.get()) {
                if (!llmWorker.serveOne()) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "test-llm-slot");
        slot.start();
        try {
            return load.get();
        } finally {
            done.set(true);
            slot.join();
        }
    }

    /** The interviews of other tests go: demo data loads only into a database without real interviews. */
    private void emptyDatabase() {
        jdbc.update("delete from interview");
        jdbc.update("delete from transcript_access");
        jdbc.update("delete from anonymous_comment");
        jdbc.update("delete from anonymous_comment_count");
    }

    private List<String> processesOf(List<String> interviewIds) {
        return jdbc.queryForList("select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ in (" + quoted(interviewIds)
                + ")", String.class);
    }

    /** Lower case, as the API writes codes. */
    private Set<String> distinct(String sql) {
        return jdbc.queryForList(sql, String.class).stream().map(v -> v.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private Set<String> themesFound() throws Exception {
        var themes = new HashSet<String>();
        for (String json : jdbc.queryForList("select themes from interview_analysis", String.class)) {
            objectMapper.readTree(json).forEach(theme -> themes.add(theme.get("theme").asText()));
        }
        return themes;
    }

    private static String quoted(List<String> values) {
        return values.isEmpty() ? "''" : values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(","));
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
