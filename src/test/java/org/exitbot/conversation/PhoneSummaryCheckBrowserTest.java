package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.EmployeeSummaries;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewView;
import org.exitbot.llm.OllamaStub;
import org.exitbot.llm.OllamaStub.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a phone interview HR reads the summary to the employee and checks it with them in Tasklist's form. */
@ExtendWith(Browser.Required.class)
class PhoneSummaryCheckBrowserTest extends ExitBotIntegrationTest {

    static final String PAY = "The employee left over the pay.";
    static final String MANAGER = "The employee found the manager distant.";

    @LocalServerPort
    int port;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    EmployeeSummaries summaries;

    @Test
    void hrCorrectsAStatementRemovesAnotherAndAThemeAndConfirmsForTheEmployee() throws Exception {
        ollama.respondWith(request -> request.isInterviewAnalysis() ? Reply.json(Map.of("sentiment", "negative",
                "score", -0.4, "mainReason", "compensation_benefits",
                "summary", List.of(Map.of("statement", PAY, "evidence", "The pay was low"),
                        Map.of("statement", MANAGER, "evidence", "my manager")),
                "themes", List.of(Map.of("theme", "compensation_benefits", "quote", "The pay was low"),
                        Map.of("theme", "manager_relationship", "quote", "my manager"))))
                : OllamaStub.plausibleReply(request));
        InterviewView started = interviews.start(InterviewFixtures.newInterview(), HR_USER);
        runDueJobs();
        var tasks = processEngine.getTaskService();
        tasks.complete(task(started, ExitInterviewProcess.ANSWER_TASK).getId(), Variables.createVariables()
                .putValueTyped("action", Variables.stringValue("answer", true))
                .putValueTyped("answer", Variables.stringValue("The pay was low, and my manager was rarely there.", true)));
        runDueJobs();
        while (task(started, ExitInterviewProcess.ANSWER_TASK) != null) {
            tasks.complete(task(started, ExitInterviewProcess.ANSWER_TASK).getId(), Map.of("action", "skip"));
            runDueJobs();
        }
        tasks.complete(task(started, ExitInterviewProcess.REVIEW_ANSWERS_TASK).getId(), Map.of("answersConfirmed", true));
        runDueJobs();
        String check = task(started, ExitInterviewProcess.CONFIRM_SUMMARY_TASK).getId();

        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            String tasklist = browser.logInToTasklist("http://localhost:" + port, HR_USER, HR_PASSWORD);
            browser.claimTask(tasklist, check, "In a phone interview, read it to them");
            try {
                assertThat(driver.findElements(By.cssSelector("textarea[id*='Field_Statement15']")))
                        .as("the empty slots are hidden").isEmpty();
                WebElement first = driver.findElement(By.cssSelector("textarea[id*='Field_Statement1']"));
                assertThat(first.getAttribute("value")).isEqualTo(PAY);
                first.sendKeys(Keys.chord(Keys.CONTROL, "a"), "I left because the pay was 20 % under the market.", Keys.TAB);
                click(browser, driver.findElement(By.cssSelector("input[type='checkbox'][id*='Field_Statement2Removed']")));
                click(browser, driver.findElement(By.xpath("//*[contains(@class, 'fjs-form-field-checklist')]"
                        + "//label[normalize-space() = 'manager relationship']//input")));
                click(browser, driver.findElement(By.cssSelector("input[type='checkbox'][id*='Field_SummaryConfirmed']")));
                Thread.sleep(600);
                browser.screenshot("tasklist-phone-summary-check");
                WebElement complete = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("button[ng-click='complete()']")));
                click(browser, complete);
                await().atMost(Duration.ofSeconds(20)).until(() -> summaries.of(started.id()).orElseThrow().confirmed());
            } catch (AssertionError | RuntimeException e) {
                Files.writeString(Path.of("target", "phone-summary-check-form.html"), driver.getPageSource());
                System.out.println("form errors: " + driver.findElements(By.cssSelector(".fjs-form-field-error"))
                        .stream().map(WebElement::getText).toList());
                browser.screenshot("tasklist-phone-summary-check-failed");
                throw e;
            }
            assertThat(browser.failedResponses()).as("hr's authorizations cover every call Tasklist made").isEmpty();
        }
        var confirmed = summaries.of(started.id()).orElseThrow();
        assertThat(confirmed.confirmedBy()).isEqualTo(HR_USER);
        assertThat(confirmed.kept()).extracting(EmployeeSummaries.Statement::text)
                .startsWith("I left because the pay was 20 % under the market.").doesNotContain(MANAGER);
        assertThat(confirmed.removedThemes()).containsExactly(Theme.MANAGER_RELATIONSHIP);
        runDueJobs();
        Task review = task(started, ExitInterviewProcess.REVIEW_TASK);
        assertThat(tasks.getVariableLocal(review.getId(), "employeeCheck").toString())
                .startsWith("Confirmed by the employee by phone \\(recorded by " + HR_USER + "\\)");
        assertThat(tasks.getVariableLocal(review.getId(), "themes").toString())
                .contains("compensation benefits").doesNotContain("manager");
    }

    /** Clicks as a person would after scrolling the element out from under Tasklist's sticky header. */
    private static void click(Browser browser, WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private Task task(InterviewView interview, String key) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(interview.processInstanceId())
                .taskDefinitionKey(key).singleResult();
    }
}
