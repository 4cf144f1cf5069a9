package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's session login, and the API answering that session with CSRF protection. */
class DashboardLoginTest extends ExitBotIntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesNeedTheLoginAndThenTheApiAcceptsTheSessionWithItsCsrfToken() throws Exception {
        var anonymous = get("/hr");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/hr/login");

        var login = logIn(HR_USER, HR_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/hr").doesNotContain("login");

        var overview = get("/hr");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("<h1>Overview</h1>");
        assertThat(overview.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(get("/api/reports/summary").statusCode()).isEqualTo(200);

        String body = "{\"title\": \"Session\", \"questions\": [{\"id\": \"q\", \"text\": \"Why?\"}]}";
        var forged = send(HttpRequest.newBuilder(uri("/api/question-sets/session-set"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("security token");

        var matcher = CSRF_META.matcher(overview.body());
        assertThat(matcher.find()).isTrue();
        var withToken = send(HttpRequest.newBuilder(uri("/api/question-sets/session-set"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", matcher.group(1))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("\"createdBy\":\"hr\"");
    }

    @Test
    void aWrongPasswordOrAUserOutsideHrGetsNoDashboard() throws Exception {
        var identity = processEngine.getIdentityService();
        if (identity.createUserQuery().userId("dashboardoutsider").count() == 0) {
            var user = identity.newUser("dashboardoutsider");
            user.setPassword("outsider-password");
            identity.saveUser(user);
        }
        var outsider = logIn("dashboardoutsider", "outsider-password");
        assertThat(outsider.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(get("/hr").statusCode()).isEqualTo(403);
        assertThat(get("/api/reports/summary").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> logIn(String user, String password) throws Exception {
        var page = get("/hr/login");
        var matcher = CSRF_FIELD.matcher(page.body());
        assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/hr/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
