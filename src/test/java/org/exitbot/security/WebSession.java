package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One person's browser without the browser: keeps cookies, follows no redirects, and logs in to the dashboard's
 * form or to Camunda's webapps as their pages do, CSRF tokens included.
 */
public final class WebSession {

    static final String CAMUNDA_CSRF_HEADER = "X-XSRF-TOKEN";
    private static final Pattern DASHBOARD_CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> logInToDashboard(String user, String password) {
        var page = get("/hr/login");
        var matcher = DASHBOARD_CSRF_FIELD.matcher(page.body());
        assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
        return postForm("/hr/login", "username=" + encode(user) + "&password=" + encode(password)
                + "&_csrf=" + encode(matcher.group(1)), null);
    }

    /**
     * Logs in to one of Camunda's webapps ({@code tasklist}, {@code welcome}, ...) as its login page does; Camunda
     * answers 200 with the user, or 401, or 403 when the user may not use that webapp. The login starts a new
     * session with a CSRF token of its own, which the page then fetches, as this does.
     */
    public HttpResponse<String> logInToCamunda(String webapp, String user, String password) {
        get("/camunda/app/" + webapp + "/default/");
        var login = postForm("/camunda/api/admin/auth/user/default/login/" + webapp,
                "username=" + encode(user) + "&password=" + encode(password), camundaCsrfToken());
        get("/camunda/api/admin/auth/user/default");
        return login;
    }

    /** The token Camunda's webapps expect in {@value #CAMUNDA_CSRF_HEADER} with every state-changing call. */
    String camundaCsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** A JSON POST to Camunda's webapps' engine API, with the CSRF token, as Tasklist's page sends it. */
    public HttpResponse<String> postToCamunda(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .header(CAMUNDA_CSRF_HEADER, camundaCsrfToken()).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer as soon as its headers are in: for event streams, which never end on their own. */
    HttpResponse<java.io.InputStream> sendStreaming(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpResponse<String> postForm(String path, String form, String camundaCsrfToken) {
        var request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (camundaCsrfToken != null) {
            request.header(CAMUNDA_CSRF_HEADER, camundaCsrfToken);
        }
        return send(request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
