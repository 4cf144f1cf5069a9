package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exitbot.ExitBotApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Behind HTTPS ({@code EXITBOT_SECURE_COOKIES=true}) every cookie of the dashboard and of Camunda's webapps is
 * Secure and SameSite, the session cookie HttpOnly too. An app of its own (failsafe), on H2: the setting is read
 * at start-up. Cookies are carried by hand, since Java's cookie store keeps Secure cookies from plain HTTP.
 */
class SecureCookiesIT {

    private static final String ENGINE = "default";
    private static final String HR_PASSWORD = "secure-cookies-hr-password";
    private static final Pattern DASHBOARD_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;
    private static String base;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ExitBotApplication.class).run(
                "--server.port=0",
                "--exitbot.data-dir=" + dataDir,
                "--exitbot.secure-cookies=true",
                // the proxy in front, on the same machine, is the only client whose X-Forwarded-* headers count
                "--exitbot.network.trusted-proxies=127.0.0.1/32,::1/128",
                "--exitbot.accounts.hr.password=" + HR_PASSWORD,
                "--spring.ai.ollama.base-url=http://127.0.0.1:9");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theDashboardsSessionCookieIsSecureHttpOnlyAndSameSite() {
        var page = send(HttpRequest.newBuilder(URI.create(base + "/hr/login")).GET());
        assertSecureSessionCookie(page);
        Matcher csrf = DASHBOARD_CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();

        var login = send(HttpRequest.newBuilder(URI.create(base + "/hr/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=hr&password=" + HR_PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertSecureSessionCookie(login);
    }

    @Test
    void theWebappsSessionAndCsrfCookiesAreSecureAndSameSite() {
        var tasklist = send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/" + ENGINE + "/")).GET());
        assertSecureSessionCookie(tasklist);
        String csrfCookie = setCookie(tasklist, "XSRF-TOKEN");
        assertThat(attributes(csrfCookie)).contains("secure", "samesite=lax")
                .as("Tasklist's script reads it to send it back").doesNotContain("httponly");

        var login = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + ENGINE
                        + "/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(WebSession.CAMUNDA_CSRF_HEADER, cookies.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=hr&password=" + HR_PASSWORD)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertSecureSessionCookie(login);
    }

    /** A trusted proxy terminating HTTPS says so in X-Forwarded-*; redirects then stay on its address. */
    @Test
    void redirectsBehindAProxyKeepItsHttpsAddress() {
        var page = send(HttpRequest.newBuilder(URI.create(base + "/hr")).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "exitbot.example.org").GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).isEqualTo("https://exitbot.example.org/hr/login");
    }

    private void assertSecureSessionCookie(HttpResponse<String> response) {
        assertThat(attributes(setCookie(response, "JSESSIONID"))).contains("secure", "httponly", "samesite=lax");
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        List<String> matching = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "=")).toList();
        assertThat(matching).as("Set-Cookie " + name).hasSize(1);
        return matching.get(0);
    }

    private static List<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase()).toList();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(cookie -> {
                String pair = cookie.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            });
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
