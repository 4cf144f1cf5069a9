package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.exitbot.Browser;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An HR user opens Swagger UI from the dashboard's login, under the pages' content security policy. */
@ExtendWith(Browser.Required.class)
class SwaggerUiBrowserTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anHrUserSeesEveryOperationAfterLoggingIn() {
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.desktop()) {
            var driver = browser.driver();
            driver.get(base + "/swagger-ui.html");
            assertThat(driver.getCurrentUrl()).as("a browser is sent to the login").contains("/hr/login");
            driver.findElement(By.id("username")).sendKeys(HR_USER);
            driver.findElement(By.id("password")).sendKeys(HR_PASSWORD);
            driver.findElement(By.id("login")).click();
            browser.waiting().until(d -> d.getCurrentUrl().contains("/swagger-ui/"));
            browser.waiting().until(d -> d.findElements(By.cssSelector(".opblock")).size() >= 30);
            assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).contains("ExitBot API");
            browser.screenshot("swagger-ui");
            assertThat(browser.failedResponses()).as("responses of 400 or more, the favicon among them").isEmpty();
        }
    }
}
