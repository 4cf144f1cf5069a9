package org.exitbot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** HR on the dashboard's Actions page, and planning an action in Tasklist with its form. */
@ExtendWith(Browser.Required.class)
class ActionsBrowserTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ActionStarts starts;

    @Autowired
    ThemeActionRepository actions;

    ActionFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ActionFixtures(jdbc);
        ActionFixtures.ensureOwner(processEngine.getIdentityService());
    }

    @Test
    void hrSeesOpenAndFinishedActionsWithTheirEffectAndStartsOneByHand() {
        String measured = ActionFixtures.department();
        fixtures.interviews(measured, 6, Theme.WORKLOAD_STRESS, ActionFixtures.daysAgo(10));
        ThemeAction finished = startedByHr("workload_stress", measured, HR_USER);
        fixtures.interviews(measured, 6, Theme.CAREER_GROWTH, Instant.now().plus(Duration.ofDays(40)));
        runToTheEnd(finished);
        String other = ActionFixtures.department();
        fixtures.interviews(other, 2, Theme.RECOGNITION, ActionFixtures.daysAgo(3));
        String base = "http://localhost:" + port;

        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            browser.logInToDashboard(base, HR_USER, HR_PASSWORD);
            driver.findElement(By.linkText("Actions")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("finished-actions")));
            assertThat(driver.findElement(By.cssSelector(".top nav a.active")).getText()).isEqualTo("Actions");
            assertThat(driver.findElement(By.id("action-rule")).getText())
                    .contains("at least 30 %", "at least 5 of them", "last 90 days");
            WebElement row = driver.findElement(By.cssSelector("#finished-actions tr[data-action='" + finished.getId()
                    + "']"));
            assertThat(row.getText()).contains("workload stress", measured, "Two people more in the team",
                    ActionFixtures.OWNER, "Fell from 100.0 % (6 of 6) to 0.0 % (0 of 6), 100.0 points less.",
                    "100.0 % of 6", "0.0 % of 6", "closed",
                    LocalDate.now(ZoneOffset.UTC).minusDays(89).withDayOfMonth(1) + " to "
                            + LocalDate.now(ZoneOffset.UTC).with(java.time.temporal.TemporalAdjusters.lastDayOfMonth()));
            browser.screenshot("actions-page");

            new Select(driver.findElement(By.id("action-theme"))).selectByVisibleText("recognition");
            new Select(driver.findElement(By.id("action-department"))).selectByVisibleText(other);
            driver.findElement(By.id("start-action-button")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-started")));
            assertThat(driver.getCurrentUrl()).contains("/hr/actions?started=");
            assertThat(driver.findElement(By.id("action-started")).getText())
                    .contains("Started: recognition in " + other, "Plan it in Tasklist");
            assertThat(driver.findElement(By.linkText("Plan it in Tasklist")).getAttribute("href"))
                    .contains("/camunda/app/tasklist/default/#/?task=");
            WebElement open = driver.findElement(By.id("open-actions"));
            assertThat(open.getText()).contains("recognition " + other).contains("started by hr", "to plan",
                    "Plan an action");
            browser.screenshot("actions-started");
            assertThat(failed(browser)).isEmpty();

            new Select(driver.findElement(By.id("action-theme"))).selectByVisibleText("recognition");
            new Select(driver.findElement(By.id("action-department"))).selectByVisibleText(other);
            driver.findElement(By.id("start-action-button")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-action-result"),
                    "is open"));
            assertThat(driver.findElement(By.id("start-action-result")).getAttribute("class")).contains("error");
            assertThat(failed(browser)).singleElement().asString().startsWith("409 ");
        }
        assertThat(actions.findAll().stream().filter(a -> other.equals(a.getDepartment()))).hasSize(1);
    }

    @Test
    void hrPlansTheActionInTasklistFromItsBrief() {
        String department = ActionFixtures.department();
        var quoted = fixtures.interviews(department, 5, Theme.MANAGER_RELATIONSHIP, ActionFixtures.daysAgo(8));
        quoted.forEach(id -> fixtures.quoteWithNames(id, Theme.MANAGER_RELATIONSHIP));
        ThemeAction action = startedByHr("manager_relationship", department, HR_USER);
        String plan = processEngine.getTaskService().createTaskQuery()
                .processInstanceId(action.getProcessInstanceId()).singleResult().getId();
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(40);

        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            String tasklist = browser.logInToTasklist("http://localhost:" + port, HR_USER, HR_PASSWORD);
            browser.claimTask(tasklist, plan, "In their words");
            String form = driver.findElement(By.cssSelector(".fjs-form")).getText();
            assertThat(form).contains("Theme: manager relationship", "Group: " + department,
                    "found in 100.0 % (5 of 5)", "[name] here: [name] never listened", "100.0 %")
                    .doesNotContain("Lena", "Mona", "home.test");

            WebElement owner = driver.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", owner);
            owner.click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][contains(normalize-space(), 'Olive Owner')]")))
                    .click();
            driver.findElement(By.cssSelector("input[id*='Field_DueDate']"))
                    .sendKeys(due.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.ENTER);
            driver.findElement(By.cssSelector("textarea[id*='Field_Action']"))
                    .sendKeys("Leadership training for the team's managers.");
            driver.findElement(By.cssSelector("textarea[id*='Field_SuccessMeasure']"))
                    .sendKeys("Manager relationship in fewer exits.", Keys.TAB);
            pauseForTheFormsDebounce();
            browser.screenshot("tasklist-plan-action");
            WebElement complete = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button[ng-click='complete()']")));
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", complete);

            await().atMost(Duration.ofSeconds(20)).until(() -> processEngine.getTaskService().createTaskQuery()
                    .taskId(plan).count() == 0);
            assertThat(browser.failedResponses()).as("hr's authorizations cover every call Tasklist made").isEmpty();
        }
        var variables = processEngine.getRuntimeService().getVariables(action.getProcessInstanceId());
        assertThat(variables).containsEntry("owner", ActionFixtures.OWNER).containsEntry("dueDate", due.toString())
                .containsEntry("action", "Leadership training for the team's managers.")
                .containsEntry("plannedBy", HR_USER);
    }

    /** Plans, carries out and measures the action, and reviews its effect, as its owner and HR would. */
    private void runToTheEnd(ThemeAction action) {
        TaskService tasks = processEngine.getTaskService();
        ManagementService jobs = processEngine.getManagementService();
        String instance = action.getProcessInstanceId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(), Map.of(
                "owner", ActionFixtures.OWNER, "action", "Two people more in the team.",
                "dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString(),
                "successMeasure", "Fewer exits over workload."));
        for (String step : List.of("Task_RecordPlan", ThemeActionProcess.CARRY_OUT_TASK, "Event_FollowUpOver",
                "Task_MeasureEffect", ThemeActionProcess.REVIEW_TASK)) {
            if (step.equals(ThemeActionProcess.CARRY_OUT_TASK) || step.equals(ThemeActionProcess.REVIEW_TASK)) {
                tasks.complete(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step)
                        .singleResult().getId());
            } else {
                jobs.executeJob(jobs.createJobQuery().processInstanceId(instance).activityId(step).singleResult()
                        .getId());
            }
        }
        assertThat(actions.findById(action.getId()).orElseThrow().getStatus()).isEqualTo(ActionStatus.CLOSED);
    }

    /** What failed, but the favicon the dashboard has none of. */
    private static List<String> failed(Browser browser) {
        return browser.failedResponses().stream().filter(f -> !f.endsWith("/favicon.ico")).toList();
    }

    /** form-js takes typed text into its state after a 300 ms debounce; nothing on the page shows when. */
    private static void pauseForTheFormsDebounce() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ThemeAction startedByHr(String theme, String department, String hrUser) {
        return actions.findById(starts.startForHr(theme, department, hrUser)).orElseThrow();
    }
}
