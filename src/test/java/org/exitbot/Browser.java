package org.exitbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.exitbot.security.HrTasklistFilters;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver: no browser download. Screenshots
 * go to {@code target/screenshots/} as build artefacts.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("exitbot.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("exitbot.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int PHONE_WIDTH = 500;

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(int width, int height, String language) {
        try {
            profile = Files.createTempDirectory("exitbot-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=" + language);
        if (width < PHONE_WIDTH) {
            // a headless window cannot be narrower than about 500 px: emulate the phone's screen instead
            options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                    "deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public static Browser desktop() {
        return new Browser(1280, 900, "en-GB");
    }

    public static Browser sized(int width, int height, String language) {
        return new Browser(width, height, language);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 20 s; on a timeout it saves {@code failed-<n>.png} and the page text for the report. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20)) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                Path shot = screenshot("failed-" + System.currentTimeMillis());
                return super.timeoutException(message + "\nScreenshot: " + shot + "\nPage text:\n"
                        + driver.findElement(org.openqa.selenium.By.tagName("body")).getText(), lastException);
            }
        };
    }

    /** Logs in to the HR dashboard's form as {@code user}; the session then opens every {@code /hr} page. */
    public void logInToDashboard(String baseUrl, String user, String password) {
        driver.get(baseUrl + "/hr/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/hr/login"));
    }

    /**
     * Logs in to Tasklist as {@code user}, who sees the HR filters, and forgets the 401 Tasklist gets when it asks
     * who is logged in before the login; returns Tasklist's address.
     */
    public String logInToTasklist(String baseUrl, String user, String password) {
        String tasklist = baseUrl + "/camunda/app/tasklist/default/";
        driver.get(tasklist);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type='submit']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                HrTasklistFilters.TO_REVIEW));
        failedResponses();
        return tasklist;
    }

    /** Opens a task in Tasklist, claims it and waits for its form to show {@code text}. */
    public void claimTask(String tasklist, String taskId, String text) {
        driver.get(tasklist + "#/?task=" + taskId);
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), text));
    }

    /**
     * The responses with a status of 400 or more that the page received since the last call, as
     * {@code "<status> <method-less url>"}, from Chromium's network log.
     */
    public java.util.List<String> failedResponses() {
        var failed = new java.util.ArrayList<String>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.PERFORMANCE)) {
            try {
                var message = json.readTree(entry.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.responseReceived")) {
                    var response = message.path("params").path("response");
                    if (response.path("status").asInt() >= 400) {
                        failed.add(response.path("status").asInt() + " " + response.path("url").asText());
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return failed;
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    /** Skips browser tests, with the reason, where Chromium is missing; fails instead in CI. */
    public static class Required implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
                return ConditionEvaluationResult.enabled("Chromium available");
            }
            String reason = "No Chromium for browser tests: apt-get install chromium chromium-driver";
            if (Boolean.parseBoolean(System.getenv().getOrDefault("EXITBOT_TEST_REQUIRE_BROWSER", "false"))) {
                throw new IllegalStateException(reason + " (EXITBOT_TEST_REQUIRE_BROWSER is true)");
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
