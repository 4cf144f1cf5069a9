package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.Theme;
import org.exitbot.report.ReportFixtures.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(Browser.Required.class)
class DashboardBrowserTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hrSeesTheOverviewChartsTheListAndOneInterviewButNeverAnAnonymousOneByName() {
        var fixtures = new ReportFixtures(jdbc);
        String department = ReportFixtures.department();
        Instant march = LocalDate.of(2026, 3, 2).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant april = LocalDate.of(2026, 4, 6).atStartOfDay().toInstant(ZoneOffset.UTC);
        UUID first = null;
        for (int i = 0; i < 6; i++) {
            UUID id = fixtures.insert(Seed.completed(department, march.plusSeconds(i), -0.6 + i * 0.1,
                    i % 2 == 0 ? Theme.WORKLOAD_STRESS : Theme.MANAGER_RELATIONSHIP));
            first = first == null ? id : first;
        }
        for (int i = 0; i < 5; i++) {
            fixtures.insert(Seed.completed(department, april.plusSeconds(i), 0.3, Theme.CAREER_GROWTH));
        }
        UUID anonymous = fixtures.insert(Seed.completed(department, april, 0.1, Theme.CAREER_GROWTH).anonymous());
        // April's cell then holds k anonymous interviews: with fewer, it would be left out of every figure
        for (int i = 1; i < 5; i++) {
            fixtures.insert(Seed.completed(department, april.plusSeconds(10 + i), 0.1, Theme.CAREER_GROWTH).anonymous());
        }
        String base = "http://localhost:" + port;

        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            browser.logInToDashboard(base, HR_USER, HR_PASSWORD);
            driver.get(base + "/hr?department=" + department.replace(" ", "%20"));
            browser.waiting().until(ExpectedConditions.textToBe(By.id("kpi-invited"), "16"));
            assertThat(driver.findElement(By.id("kpi-completed")).getText()).isEqualTo("16");
            assertThat(driver.findElement(By.id("kpi-completion-rate")).getText()).isEqualTo("100 %");
            assertThat(driver.findElement(By.id("kpi-median-time")).getText()).isEqualTo("30 h 0 min");
            assertThat(driver.findElement(By.id("sentiment-by-month")).getText()).contains("2026-03").contains("2026-04");
            assertThat(driver.findElement(By.id("top-themes")).getText())
                    .contains("career growth 10").contains("workload stress fewer than 5");
            Object charts = driver.executeScript("return Array.from(document.querySelectorAll('canvas.chart'))"
                    + ".filter(c => window.Chart && Chart.getChart(c)).length");
            assertThat(((Number) charts).intValue()).as("Chart.js drew every chart under the CSP").isEqualTo(4);
            browser.screenshot("dashboard-overview");

            driver.findElement(By.linkText("Interviews")).click();
            driver.get(base + "/hr/interviews?department=" + department.replace(" ", "%20"));
            var list = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("interview-list")));
            assertThat(list.findElements(By.cssSelector("tbody tr"))).hasSize(11);
            assertThat(driver.findElement(By.id("anonymous-note")).getText()).startsWith("5 anonymous interviews");
            assertThat(driver.getPageSource()).doesNotContain(anonymous.toString());
            assertThat(driver.findElement(By.id("export-csv")).getAttribute("href"))
                    .contains("/api/reports/export?format=csv&view=interviews").contains("department=Dept");
            browser.screenshot("dashboard-interviews");

            driver.get(base + "/hr/interviews/" + first);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("transcript")));
            assertThat(driver.findElement(By.id("transcript")).getText()).contains("What is the main reason");
            assertThat(driver.findElement(By.id("facts")).getText()).contains("@private.test");
            driver.findElement(By.id("rerun-analysis")).click();
            browser.waiting().until(d -> !d.findElement(By.id("rerun-analysis-result")).getText().isBlank()
                    && !d.findElement(By.id("rerun-analysis-result")).getText().equals("Working…"));
            browser.screenshot("dashboard-interview");

            driver.get(base + "/hr/interviews/" + anonymous);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("anonymous-banner")));
            assertThat(driver.findElement(By.id("interview-title")).getText()).isEqualTo("Anonymous interview");
            assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Reported Person")
                    .doesNotContain("@private.test").doesNotContain("R-" + anonymous.toString().substring(0, 8));
            assertThat(driver.findElements(By.id("transcript"))).as("funnel only").isEmpty();
            assertThat(driver.findElements(By.id("analysis"))).isEmpty();

            driver.findElement(By.linkText("Anonymous comments")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("comments-rule")));
            assertThat(driver.findElement(By.id("comments-rule")).getText()).contains("at least 5 anonymous interviews");
            browser.screenshot("dashboard-anonymous-comments");

            driver.get(base + "/hr/process");
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("funnel")));
            assertThat(driver.findElement(By.id("funnel")).getText()).contains("invited").contains("reviewed");
            browser.screenshot("dashboard-process");
        }
    }
}
