package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.regex.Pattern;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's session login, and the API answering that session with CSRF protection. */
class DashboardLoginTest extends ExitBotIntegrationTest {

    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void pagesNeedTheLoginAndThenTheApiAcceptsTheSessionWithItsCsrfToken() {
        var browser = new WebSession(port);
        var anonymous = browser.get("/hr");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/hr/login");

        var login = browser.logInToDashboard(HR_USER, HR_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/hr").doesNotContain("login");

        var overview = browser.get("/hr");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("<h1>Overview</h1>");
        assertThat(overview.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(browser.get("/api/reports/summary").statusCode()).isEqualTo(200);

        String body = "{\"title\": \"Session\", \"questions\": [{\"id\": \"q\", \"text\": \"Why?\"}]}";
        var forged = browser.send(browser.request("/api/question-sets/session-set")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("security token");

        var matcher = CSRF_META.matcher(overview.body());
        assertThat(matcher.find()).isTrue();
        var withToken = browser.send(browser.request("/api/question-sets/session-set")
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", matcher.group(1))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("\"createdBy\":\"hr\"");
    }

    @Test
    void aWrongPasswordOrAUserOutsideHrGetsNoDashboard() {
        var identity = processEngine.getIdentityService();
        if (identity.createUserQuery().userId("dashboardoutsider").count() == 0) {
            var user = identity.newUser("dashboardoutsider");
            user.setPassword("outsider-password");
            identity.saveUser(user);
        }
        var browser = new WebSession(port);
        var outsider = browser.logInToDashboard("dashboardoutsider", "outsider-password");
        assertThat(outsider.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.get("/hr").statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/reports/summary").statusCode()).isEqualTo(403);
    }
}
