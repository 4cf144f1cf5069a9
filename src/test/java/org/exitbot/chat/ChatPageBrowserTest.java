package org.exitbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.llm.OllamaStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The employee's page in Debian's Chromium; screenshots land in target/screenshots/. */
@ExtendWith(Browser.Required.class)
class ChatPageBrowserTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    JdbcTemplate jdbc;

    final java.util.Map<String, java.util.UUID> invited = new java.util.HashMap<>();

    @Test
    void aWholeInterviewWithAStreamedFollowUpASkipAReloadACorrectedAnswerAndACheckedSummary() {
        ollama.respondWith(request -> request.isFollowUpDecision()
                && request.message("user").contains("latest reply:\n<employee_text>The workload, mostly.")
                ? Reply.followUp("What made the workload feel heaviest for you?").streamedSlowly(Duration.ofMillis(250))
                : request.isInterviewAnalysis() ? Reply.json(java.util.Map.of("sentiment", "negative", "score", -0.5,
                        "summary", List.of(java.util.Map.of("statement", "The employee answered the questions briefly.",
                                "evidence", "The workload, mostly")),
                        "themes", List.of(java.util.Map.of("theme", "workload_stress", "quote", "The workload, mostly"),
                                java.util.Map.of("theme", "compensation_benefits", "quote", "The workload, mostly"))))
                : OllamaStub.plausibleReply(request));
        String token = invite("en");
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            driver.get(page(token));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("intro")));
            String intro = driver.findElement(By.id("intro")).getText();
            assertThat(intro).contains("Acme Test Ltd's exit interview").contains("voluntary")
                    .contains("HR team, with your name").contains("about 12 minutes (4 questions)")
                    .contains("kept for 365 days");
            assertAccessible(browser);
            browser.screenshot("chat-1-introduction");
            driver.findElement(By.id("start")).click();

            answer(browser, "The workload, mostly.");
            var answering = CompletableFuture.runAsync(this::runDueJobs);
            WebElement draft = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.draft")));
            browser.waiting().until(d -> draft.getText().startsWith("What made"));
            assertThat(draft.getText()).as("seen while still being written")
                    .isNotEqualTo("What made the workload feel heaviest for you?");
            browser.screenshot("chat-2-follow-up-streaming");
            answering.join();
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("li.draft")));
            assertThat(driver.findElement(By.cssSelector("li.follow_up")).getText())
                    .contains("What made the workload feel heaviest for you?");
            assertThat(driver.executeScript("return performance.getEntriesByType('resource').filter(e => "
                    + "e.initiatorType === 'fetch' && new URL(e.name).pathname === arguments[0]).length",
                    "/api/chat/" + token)).as("the page showed the states its events carried, fetching only the first")
                    .isEqualTo(1L);

            answerAndContinue(browser, "Two people's work after the reorg.");
            waitForQuestion(browser, 2);
            driver.findElement(By.id("skip")).click();
            waitForQuestion(browser, 3);
            answerAndContinue(browser, "Better tooling.");
            waitForQuestion(browser, 4);

            driver.navigate().refresh();
            waitForQuestion(browser, 4);
            assertThat(driver.findElement(By.id("messages")).getText()).as("resumed where they left off")
                    .contains("The workload, mostly.", "Two people's work after the reorg.", "(skipped)", "Better tooling.");
            answerAndContinue(browser, "Talk to people before reorganising.");

            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
            assertThat(driver.findElements(By.cssSelector("#review-list li"))).hasSize(4);
            driver.findElements(By.cssSelector("#review-list li button")).get(0).click();
            WebElement editor = driver.findElement(By.cssSelector("#review-list li textarea"));
            editor.clear();
            editor.sendKeys("The workload, mostly, and no end in sight.");
            driver.findElement(By.xpath("//section[@id='review']//button[normalize-space()='Save']")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-list"),
                    "no end in sight. (edited)"));
            browser.screenshot("chat-3-review-and-edit");
            driver.findElement(By.id("finish")).click();

            // the summary HR will read, made while the employee waits, checked before Finish
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                    "preparing the summary"));
            runDueJobs();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
            assertThat(driver.findElement(By.id("summary-help")).getText()).contains("Acme Test Ltd's HR team will read");
            assertThat(driver.findElement(By.id("summary-automatic")).isDisplayed()).isFalse();
            assertThat(driver.findElements(By.cssSelector("#summary-list li .reply"))).extracting(WebElement::getText)
                    .containsExactly("The employee answered the questions briefly.", "The employee skipped 1 question.");
            assertThat(driver.findElements(By.cssSelector("#summary-themes li span"))).extracting(WebElement::getText)
                    .containsExactly("Workload and stress", "Pay and benefits");
            driver.findElement(By.cssSelector("#summary-list li:nth-child(1) button.edit")).click();
            WebElement statement = driver.findElement(By.cssSelector("#summary-list li textarea"));
            statement.clear();
            statement.sendKeys("I left because of the workload after the reorg.");
            driver.findElement(By.cssSelector("#summary-list li button.save")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary-list"),
                    "after the reorg. (corrected)"));
            driver.findElement(By.cssSelector("#summary-list li:nth-child(2) button.remove")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary-list"),
                    "(removed: HR will not read this)"));
            // a theme that was no reason for them: removed, put back, removed again
            driver.findElement(By.cssSelector("#summary-themes li[data-theme=compensation_benefits] button.remove")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary-themes"),
                    "Pay and benefits (removed: HR will not read this)"));
            driver.findElement(By.cssSelector("#summary-themes li[data-theme=compensation_benefits] button.put-back")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#summary-themes li[data-theme=compensation_benefits] button.remove")));
            driver.findElement(By.cssSelector("#summary-themes li[data-theme=compensation_benefits] button.remove")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#summary-themes li[data-theme=compensation_benefits] button.put-back")));
            assertAccessible(browser);
            browser.screenshot("chat-3b-summary-checked");
            driver.findElement(By.id("confirm-summary")).click();

            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            assertThat(driver.findElement(By.id("done")).getText()).contains("Thank you")
                    .contains("reads every exit interview");
            assertAccessible(browser);
            browser.screenshot("chat-4-thank-you");
        }
        assertThat(jdbc.queryForList("select text from interview_message m join interview i on i.id = m.interview_id "
                + "where i.link_hash is not null and m.kind = 'ANSWER' and m.edited_at is not null", String.class))
                .contains("The workload, mostly, and no end in sight.");
        runDueJobs();
        var review = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("ReviewInterview")
                .processInstanceBusinessKey(interviewOf(token)).singleResult();
        var variables = processEngine.getTaskService().getVariablesLocal(review.getId());
        assertThat(variables.get("employeeCheck").toString()).as("HR's review")
                .startsWith("Confirmed by the employee on ").contains("with 3 corrections");
        assertThat(variables.get("themes").toString()).as("the theme the employee removed is not HR's to read")
                .contains("workload stress").doesNotContain("compensation");
        assertThat(variables.get("summary").toString()).isEqualTo("I left because of the workload after the reorg\\.");
        assertThat(variables.get("employeeCorrections").toString())
                .contains("\"original\":\"The employee answered the questions briefly.\"", "\"change\":\"corrected\"",
                        "\"corrected\":\"I left because of the workload after the reorg.\"",
                        "\"original\":\"The employee skipped 1 question.\"", "\"change\":\"removed\"",
                        "\"original\":\"Theme: compensation benefits\"");
    }

    private String interviewOf(String token) {
        return invited.get(token).toString();
    }

    @Test
    void aStaleTabsAnswerIsRefusedAndTheTabShowsTheCurrentQuestionWithTheTextKept() {
        String token = invite("en");
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            startInterview(browser, token);
            String tabA = driver.getWindowHandle();

            // tab B: its event stream never gets through (a proxy that buffers it), so nothing tells it of tab A
            driver.switchTo().newWindow(WindowType.TAB);
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", "Object.defineProperty(window, 'EventSource', {value: undefined});"));
            driver.get(page(token));
            waitForQuestion(browser, 1);
            String tabB = driver.getWindowHandle();

            driver.switchTo().window(tabA);
            answerAndContinue(browser, "The pay, answered in tab A.");
            waitForQuestion(browser, 2);

            driver.switchTo().window(tabB);
            assertThat(driver.findElement(By.id("progress")).getText()).as("stale").contains("Question 1 of 4");
            String typed = "Typed in tab B, which still shows the first question.";
            driver.findElement(By.id("answer")).sendKeys(typed);
            driver.findElement(By.id("send")).click();

            waitForQuestion(browser, 2);
            assertThat(driver.findElement(By.id("error")).getText()).contains("already answered");
            assertThat(driver.findElement(By.id("messages")).getText()).contains("The pay, answered in tab A.")
                    .doesNotContain(typed);
            assertThat(driver.findElement(By.id("answer")).getDomProperty("value")).as("kept").isEqualTo(typed);
            browser.screenshot("chat-9-stale-tab");
        }
        assertThat(jdbc.queryForList("select text from interview_message m join interview i on i.id = m.interview_id "
                + "where i.link_hash is not null and m.kind = 'ANSWER'", String.class))
                .doesNotContain("Typed in tab B, which still shows the first question.");
    }

    @Test
    void anAnswersResponseArrivingAfterTheFollowUpsEventLeavesTheFollowUpAsked() {
        ollama.respondWith(request -> request.isFollowUpDecision()
                ? Reply.followUp("What would have made you stay?") : OllamaStub.plausibleReply(request));
        String token = invite("en");
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            startInterview(browser, token);
            // a slow network: the answer's response (the bot working) arrives, and is held back until the test lets
            // it through
            driver.executeScript("const fetched = window.fetch; window.heldResponses = [];"
                    + "window.fetch = (url, options) => options && options.method === 'POST'"
                    + " && String(url).endsWith('/messages') ? fetched(url, options).then((response) =>"
                    + " new Promise((resolve) => window.heldResponses.push(() => resolve(response))))"
                    + " : fetched(url, options);");
            driver.findElement(By.id("answer")).sendKeys("A better offer elsewhere.");
            driver.findElement(By.id("send")).click();
            browser.waiting().until(d -> Long.valueOf(1).equals(driver.executeScript("return window.heldResponses.length")));
            CompletableFuture.runAsync(this::runDueJobs).join();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.follow_up"),
                    "What would have made you stay?"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-form")));

            driver.executeScript("window.heldResponses.forEach((release) => release());");
            // the page is done with the response once its buttons are enabled again (whether shown or not)
            browser.waiting().until(d -> Boolean.FALSE.equals(driver.executeScript(
                    "return document.getElementById('send').disabled")));
            assertThat(driver.findElement(By.id("answer-form")).isDisplayed()).as("the follow-up still asked").isTrue();
            assertThat(driver.findElement(By.id("status")).getText()).as("not thinking again").isBlank();
            browser.screenshot("chat-10-late-response");
        }
    }

    @Test
    void markupInAnAnswerIsShownAsTextAndNeverRuns() {
        String token = invite("en");
        String attack = "<img src=x onerror=\"window.__xss=1;alert(1)\"><script>window.__xss=2</script>";
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            startInterview(browser, token);
            answerAndContinue(browser, attack);
            waitForQuestion(browser, 2);
            assertThat(driver.findElements(By.cssSelector("li.employee .text")))
                    .extracting(WebElement::getText).contains(attack);
            assertThat(driver.findElements(By.cssSelector("#messages img, #messages script"))).isEmpty();
            assertThat(driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
            assertThat(noAlert(browser)).isTrue();
            browser.screenshot("chat-5-markup-shown-as-text");
        }
    }

    @Test
    void onA375PixelPhoneEverythingFitsAndWorksByKeyboardAlone() {
        String token = invite("en");
        try (Browser browser = Browser.sized(375, 812, "en-GB")) {
            var driver = browser.driver();
            driver.get(page(token));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("start")));
            assertThat(driver.executeScript("return document.documentElement.scrollWidth")).isEqualTo(375L);
            browser.screenshot("chat-6-phone-introduction");
            focusByTab(browser, "start");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
            browser.waiting().until(d -> "answer".equals(d.switchTo().activeElement().getDomAttribute("id")));
            new Actions(driver).sendKeys("Typed without a mouse.").keyDown(Keys.CONTROL).sendKeys(Keys.ENTER)
                    .keyUp(Keys.CONTROL).perform();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Typed without a mouse."));
            CompletableFuture.runAsync(this::runDueJobs).join();
            waitForQuestion(browser, 2);
            assertThat(driver.executeScript("return document.documentElement.scrollWidth")).isEqualTo(375L);
            for (String id : List.of("send", "skip", "stop")) {
                assertThat(driver.findElement(By.id(id)).getSize().getWidth()).as(id).isLessThanOrEqualTo(375);
                assertThat(driver.findElement(By.id(id)).getSize().getHeight()).as(id + " is big enough to tap")
                        .isGreaterThanOrEqualTo(44);
            }
            assertAccessible(browser);
            browser.screenshot("chat-7-phone-conversation");
        }
    }

    @Test
    void aGermanInterviewSpeaksGermanThroughout() {
        ollama.respondWith(request -> request.isFollowUpDecision()
                && request.message("user").contains("latest reply:\n<employee_text>Die Arbeitsbelastung")
                ? Reply.followUp("Was hätte die Arbeitsbelastung für Sie erträglicher gemacht?")
                : OllamaStub.plausibleReply(request));
        String token = invite("de");
        try (Browser browser = Browser.sized(1024, 900, "de-DE")) {
            var driver = browser.driver();
            driver.get(page(token));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("intro")));
            assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
            assertThat(driver.findElement(By.id("intro")).getText()).contains("Bevor wir beginnen")
                    .contains("Die Teilnahme ist freiwillig");
            // what anonymous means stands by the choice before the employee makes it
            assertThat(driver.findElement(By.id("anonymous-means")).getText())
                    .contains("HR wertet Ihr Gespräch nicht einzeln aus").contains("mindestens 5 anonyme Gespräche");
            driver.findElement(By.xpath("//label[normalize-space()='Ohne meinen Namen, nur in zusammengefassten Berichten']")).click();
            driver.findElement(By.id("start")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Was ist der Hauptgrund"));
            assertThat(driver.findElement(By.id("progress")).getText()).isEqualTo("Frage 1 von 4");
            answerAndContinue(browser, "Die Arbeitsbelastung war zu hoch.");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Was hätte die Arbeitsbelastung für Sie erträglicher gemacht?"));
            // the follow-up streams in as a draft before the state that shows the answer form again
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
            assertThat(driver.findElement(By.id("send")).getText()).isEqualTo("Senden");
            assertThat(ollama.requests().get(0).message("system")).contains("written in German");
            assertAccessible(browser);
            browser.screenshot("chat-8-german");
        }
    }

    @Test
    void withOllamaDownTheConversationGoesOnWithScriptedFollowUpsMarkedAsPrepared() {
        ollama.respondWith(request -> Reply.error(503, "connection refused"));
        String token = invite("en");
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            driver.get(page(token));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("start"))).click();
            answerAndContinue(browser, "The pay.");
            WebElement sayMore = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("li.scripted_follow_up")));
            assertThat(sayMore.findElement(By.cssSelector(".text")).getText())
                    .isEqualTo("Could you tell me a little more about that? An example would help us understand.");
            assertThat(sayMore.findElement(By.cssSelector(".marker")).getText()).isEqualTo("Prepared message");
            assertThat(driver.findElement(By.id("progress")).getText()).isEqualTo("Question 1 of 4");
            answerAndContinue(browser, "The salary was far below what other companies offered me.");
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "How did the pay compare with what you were offered elsewhere?"));
            answerAndContinue(browser, "About a fifth less, for the same kind of work.");
            waitForQuestion(browser, 2);
            WebElement thanks = driver.findElement(By.cssSelector("li.acknowledgement"));
            assertThat(thanks.findElement(By.cssSelector(".text")).getText())
                    .isEqualTo("Thank you, that helps us understand how pay and benefits played a part.");
            assertThat(thanks.findElement(By.cssSelector(".marker")).getText()).isEqualTo("Prepared message");
            assertAccessible(browser);
            browser.screenshot("chat-scripted-follow-ups");
        }
    }

    private String invite(String locale) {
        var request = InterviewFixtures.newInterview(locale);
        var started = interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        invited.put(token, started.id());
        return token;
    }

    private String page(String token) {
        return "http://localhost:" + port + "/i/" + token;
    }

    /** Opens the page of the link, accepts the introduction and waits for the first question. */
    private void startInterview(Browser browser, String token) {
        browser.driver().get(page(token));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();
        waitForQuestion(browser, 1);
    }

    private static void answer(Browser browser, String text) {
        WebElement box = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
        box.sendKeys(text);
        browser.driver().findElement(By.id("send")).click();
        browser.waiting().until(d -> !d.findElement(By.id("status")).getText().isBlank());
    }

    private void answerAndContinue(Browser browser, String text) {
        answer(browser, text);
        CompletableFuture.runAsync(this::runDueJobs).join();
    }

    private static void waitForQuestion(Browser browser, int number) {
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"),
                "Question " + number + " of 4"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
    }

    private static void focusByTab(Browser browser, String id) {
        for (int i = 0; i < 20; i++) {
            if (id.equals(browser.driver().switchTo().activeElement().getDomAttribute("id"))) {
                return;
            }
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Cannot reach #" + id + " with the keyboard");
    }

    private static boolean noAlert(Browser browser) {
        try {
            browser.driver().switchTo().alert();
            return false;
        } catch (NoAlertPresentException expected) {
            return true;
        }
    }

    /** Runs axe-core's WCAG 2 A and AA rules on the page as it is now. */
    @SuppressWarnings("unchecked")
    private static void assertAccessible(Browser browser) {
        browser.driver().executeScript(axe());
        Object result = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                        + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target).join(' '))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        assertThat((List<String>) result).as("WCAG 2 AA violations").isEmpty();
    }

    private static String axe() {
        try (var in = new ClassPathResource("axe/axe.min.js").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
