package org.exitbot.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(Browser.Required.class)
class QuestionSetEditorBrowserTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    QuestionSetService questionSets;

    @Test
    void hrCreatesASetSeesItsErrorsAndEditsItIntoANewVersion() {
        String name = "editor-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            browser.logInToDashboard(base, HR_USER, HR_PASSWORD);
            driver.get(base + "/hr/question-sets");
            driver.findElement(By.cssSelector(".edit-set[data-name='default'][data-locale='en']")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"),
                    "Editing default (en)"));
            assertThat(driver.findElements(By.cssSelector("#questions .question"))).hasSize(4);

            driver.findElement(By.id("new-set")).click();
            driver.findElement(By.id("set-name")).sendKeys(name);
            new Select(driver.findElement(By.id("set-locale"))).selectByValue("de");
            driver.findElement(By.id("set-title")).sendKeys("Austrittsgespräch Technik");
            driver.findElement(By.cssSelector("#questions .question .q-id")).sendKeys("grund");
            driver.findElement(By.cssSelector("#questions .question .q-text")).sendKeys("Warum gehen Sie?");
            driver.findElement(By.id("add-question")).click();
            var second = driver.findElements(By.cssSelector("#questions .question")).get(1);
            second.findElement(By.cssSelector(".q-id")).sendKeys("grund");
            second.findElement(By.cssSelector(".q-text")).sendKeys("Was sollten wir ändern?");
            driver.findElement(By.id("save-set")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-result"),
                    "'grund' appears twice"));
            assertThat(driver.findElement(By.id("set-result")).getAttribute("class")).contains("error");
            browser.screenshot("question-set-editor-error");

            second.findElement(By.cssSelector(".q-id")).clear();
            second.findElement(By.cssSelector(".q-id")).sendKeys("aendern");
            driver.findElement(By.id("save-set")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-result"),
                    "as version 1"));
            assertThat(questionSets.latest(name, "de").questions()).hasSize(2);
            // the page then loads the saved version into the editor, replacing its rows
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"),
                    "version 1"));

            driver.findElements(By.cssSelector("#questions .question .remove-question")).get(1).click();
            driver.findElement(By.id("save-set")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-result"),
                    "as version 2"));
            browser.screenshot("question-set-editor");
        }
        assertThat(questionSets.latest(name, "de").questions()).extracting(Question::id).containsExactly("grund");
        assertThat(questionSets.version(name, "de", 1).questions()).hasSize(2);
    }

    @Test
    void hrSeesAndEditsTheScriptedFollowUpsOfASet() {
        String name = "probes-" + UUID.randomUUID().toString().substring(0, 8);
        questionSets.publish(name, "es", new QuestionSetContent("Salida",
                java.util.List.of(new Question("motivo", "¿Por qué te vas?"))), "hr");
        String builtInProbe = questionSets.latest(name, "es").followUps().themes().get("compensation_benefits").probe();
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            browser.logInToDashboard(base, HR_USER, HR_PASSWORD);
            driver.get(base + "/hr/question-sets");
            driver.findElement(By.cssSelector(".edit-set[data-name='" + name + "'][data-locale='es']")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"),
                    "Editing " + name + " (es)"));
            assertThat(driver.findElements(By.cssSelector("#fu-themes .fu-theme")))
                    .hasSize(org.exitbot.analysis.Theme.values().length);
            var pay = driver.findElement(By.cssSelector("#fu-themes .fu-theme[data-theme='compensation_benefits'] .fu-probe"));
            assertThat(pay.getAttribute("value")).isEqualTo(builtInProbe);
            assertThat(driver.findElement(By.id("fu-say-more")).getAttribute("value")).startsWith("¿Podrías");

            pay.clear();
            pay.sendKeys("¿El sueldo estaba a la altura de otras ofertas?");
            var recognition = driver.findElement(By.cssSelector(
                    "#fu-themes .fu-theme[data-theme='recognition'] .fu-theme-acknowledgement"));
            recognition.clear();
            driver.findElement(By.id("save-set")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-result"),
                    "followUps.themes[recognition].acknowledgement"));
            browser.screenshot("question-set-editor-follow-up-error");

            driver.findElement(By.cssSelector("#fu-themes .fu-theme[data-theme='recognition'] .fu-probe")).clear();
            driver.findElement(By.id("save-set")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-result"),
                    "as version 2"));
            browser.screenshot("question-set-editor-follow-ups");
        }
        var saved = questionSets.latest(name, "es").followUps();
        assertThat(saved.themes().get("compensation_benefits").probe())
                .isEqualTo("¿El sueldo estaba a la altura de otras ofertas?");
        assertThat(saved.themes()).as("a theme emptied gets no probe").doesNotContainKey("recognition")
                .hasSize(org.exitbot.analysis.Theme.values().length - 1);
    }
}
