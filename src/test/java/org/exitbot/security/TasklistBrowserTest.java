package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.hr.InterviewDetailsService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.Visibility;
import org.exitbot.llm.OllamaStub;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.security.TranscriptRead;
import org.exitbot.security.TranscriptReads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** HR starts and reviews interviews where HR works: in Camunda Tasklist, with ExitBot's forms. */
@ExtendWith(Browser.Required.class)
class TasklistBrowserTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    InterviewDetailsService interviewDetails;

    @Autowired
    InterviewRepository interviewRepository;

    @Autowired
    TranscriptReads transcriptReads;

    /** What an employee could steer the analysis into writing: Markdown and HTML the form must not render. */
    private static final String STEERED = "The employee left over the commute. [Open the file](https://evil.example/x)"
            + " ![pixel](https://evil.example/p.png) <b>urgent</b> mail@evil.example www.evil.example";

    @Test
    void hrLogsInToTasklistReadsTheTranscriptAndCompletesTheReview() {
        ollama.respondWith(request -> request.isInterviewAnalysis() ? Reply.json(Map.of("sentiment", "negative",
                "score", -0.3, "summary", List.of(Map.of("statement", STEERED, "evidence", "commute took two hours")),
                "mainReason", "work_life_balance",
                "themes", List.of(Map.of("theme", "work_life_balance", "quote", "commute took two hours"))))
                : OllamaStub.plausibleReply(request));
        var started = interviews.start(InterviewFixtures.newInterview(), HR_USER);
        runDueJobs();
        var tasks = processEngine.getTaskService();
        tasks.complete(answerTask(started), Variables.createVariables()
                .putValueTyped("action", Variables.stringValue("answer", true))
                .putValueTyped("answer", Variables.stringValue("The commute took two hours a day.", true)));
        runDueJobs();
        tasks.complete(answerTask(started), Map.of("action", "stop"));
        runDueJobs();
        String review = tasks.createTaskQuery().processInstanceId(started.processInstanceId()).singleResult().getId();

        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            String tasklist = browser.logInToTasklist("http://localhost:" + port, HR_USER, HR_PASSWORD);
            assertThat(driver.findElement(By.tagName("body")).getText()).contains(HrTasklistFilters.OVERDUE);
            browser.screenshot("tasklist-filters");

            browser.claimTask(tasklist, review, "The commute took two hours a day.");
            String form = driver.findElement(By.cssSelector(".fjs-form")).getText();
            assertThat(form).contains("Interview incomplete").contains("Transcript").contains("ExitBot");
            assertThat(form).as("a steered summary shows as the text it is").contains("Open the file", "pixel");
            assertThat(driver.findElements(By.cssSelector(".fjs-form a:not(.fjs-powered-by-link):not(.fjs-skip-link), .fjs-form img, .fjs-form b")))
                    .extracting(e -> e.getAttribute("outerHTML"))
                    .as("and renders no link, image or HTML in front of HR").isEmpty();

            complete(browser);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
            assertThat(tasks.createTaskQuery().taskId(review).count()).as("required fields block completion").isEqualTo(1);

            radio(driver, "Field_DepartureType", 0).click();
            radio(driver, "Field_Regrettable", 0).click();
            radio(driver, "Field_RehireEligible", 2).click();
            driver.findElement(By.cssSelector("textarea[id*='Field_Actions']")).sendKeys("Offer remote days.", Keys.TAB);
            browser.screenshot("tasklist-review-form");
            pauseForTheFormsDebounce();
            complete(browser);

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    interviewRepository.findById(started.id()).orElseThrow().getStatus() == InterviewStatus.CLOSED);
            browser.screenshot("tasklist-review-completed");
            assertThat(browser.failedResponses()).as("hr's authorizations cover every call Tasklist made").isEmpty();
        }
        assertThat(transcriptReads.list(started.id(), 10)).as("the review form's transcript, read in the audit log")
                .extracting(TranscriptRead::reader, TranscriptRead::channel)
                .contains(org.assertj.core.api.Assertions.tuple(HR_USER, TranscriptRead.Channel.CAMUNDA_WEBAPP));
        var details = interviewDetails.details(started.id());
        assertThat(details.review().reviewer()).isEqualTo(HR_USER);
        assertThat(details.review().departureType()).isEqualTo("voluntary");
        assertThat(details.review().regrettable()).isTrue();
        assertThat(details.review().rehireEligible()).isEqualTo("conditional");
        assertThat(details.review().actions()).isEqualTo("Offer remote days.");
    }

    @Test
    void hrStartsAnInterviewWithTheStartForm() {
        String employeeId = "T-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            browser.logInToTasklist("http://localhost:" + port, HR_USER, HR_PASSWORD);
            driver.findElement(By.xpath("//a[@ng-click='open()'][contains(normalize-space(), 'Start process')]")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//ul[contains(@class, 'processes')]//a[contains(normalize-space(), 'Exit interview')]"))).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id*='Field_EmployeeId']")))
                    .sendKeys(employeeId);
            driver.findElement(By.cssSelector("input[id*='Field_Name']")).sendKeys("Stella Startform");
            driver.findElement(By.cssSelector("input[id*='Field_Email']")).sendKeys("stella." + employeeId.toLowerCase() + "@private.test");
            driver.findElement(By.cssSelector("input[id*='Field_Department']")).sendKeys("Research");
            driver.findElement(By.cssSelector("input[id*='Field_LastWorkingDay']")).sendKeys("12/18/2026", Keys.ENTER);
            radio(driver, "Field_Visibility", 1).click();
            pauseForTheFormsDebounce();
            browser.screenshot("tasklist-start-form");
            WebElement start = driver.findElement(By.cssSelector("button[ng-click='startProcessInstance()']"));
            driver.executeScript("arguments[0].click();", start);
            await().atMost(Duration.ofSeconds(20)).until(() -> interviewRepository.findAll().stream()
                    .anyMatch(i -> employeeId.equals(i.getEmployeeId())));
            assertThat(browser.failedResponses()).as("hr's authorizations cover every call Tasklist made").isEmpty();
        }
        Interview interview = interviewRepository.findAll().stream().filter(i -> employeeId.equals(i.getEmployeeId()))
                .findFirst().orElseThrow();
        assertThat(interview.getName()).isEqualTo("Stella Startform");
        assertThat(interview.getDepartment()).isEqualTo("Research");
        assertThat(interview.getLastWorkingDay()).hasToString("2026-12-18");
        assertThat(interview.getVisibility()).isEqualTo(Visibility.ANONYMOUS);
        assertThat(interview.getCreatedBy()).isEqualTo(HR_USER);
        assertThat(processEngine.getRuntimeService().getVariables(interview.getProcessInstanceId()))
                .doesNotContainKeys("name", "email", "employeeId");
        await("nor in the history, though hr may not touch it").atMost(Duration.ofSeconds(10))
                .until(() -> runDueJobs() >= 0 && processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(interview.getProcessInstanceId())
                        .variableNameIn("name", "email", "employeeId").includeDeleted().count() == 0);
    }

    /** Tasklist's Complete button sits under its sticky task header: clicked as a person would after scrolling. */
    private static void complete(Browser browser) {
        WebElement button = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[ng-click='complete()']")));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }

    /** form-js takes typed text into its state after a 300 ms debounce; nothing on the page shows when. */
    private static void pauseForTheFormsDebounce() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WebElement radio(org.openqa.selenium.WebDriver driver, String field, int index) {
        return driver.findElements(By.cssSelector("input[type='radio'][id*='" + field + "']")).get(index);
    }

    private String answerTask(InterviewView interview) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(interview.processInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult().getId();
    }
}
