package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(Browser.Required.class)
class ChatPageBrowserTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    InterviewService interviews;

    @Test
    void anEmployeeAnswersTheFirstQuestionInTheBrowser() {
        var request = InterviewFixtures.newInterview();
        interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            driver.get("http://localhost:" + port + "/i/" + token);
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("start"))).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
            assertThat(driver.findElement(By.id("messages")).getText()).contains("main reason you decided to leave");
            driver.findElement(By.id("answer")).sendKeys("The commute.");
            driver.findElement(By.id("send")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "thinking"));
            runDueJobs();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "Question 2 of 4"));
            browser.screenshot("chat-question-2");
        }
    }
}
