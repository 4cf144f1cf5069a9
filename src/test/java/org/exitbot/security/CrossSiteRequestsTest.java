package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.interview.InterviewRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser that once answered a Basic prompt sends the credentials by itself, to any page's request. So requests
 * with header credentials are for scripts: no foreign origin, only the documented content types; and a 401 to a
 * browser never asks for Basic credentials in the first place.
 */
class CrossSiteRequestsTest extends ExitBotIntegrationTest {

    private static final String ATTACKER = "https://attacker.example";
    private static final String LAST_DAY = "2026-12-30";

    @LocalServerPort
    int port;

    @Autowired
    InterviewRepository interviews;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aCrossSiteTextPlainImportWithCachedBasicCredentialsStartsNoInterview() {
        String employee = employeeId();
        // what a form with enctype="text/plain" on another site makes the browser send, the cached Basic header included
        var response = send(request("/api/interviews/import").header("Authorization", hrBasic())
                .header("Content-Type", "text/plain").header("Origin", ATTACKER)
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate")
                .POST(HttpRequest.BodyPublishers.ofString(csv(employee))));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(started(employee)).isFalse();
    }

    @Test
    void aCrossSiteMultipartImportIsRefusedToo() {
        String employee = employeeId();
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv(employee) + "\r\n--b--\r\n";
        var response = send(request("/api/interviews/import").header("Authorization", hrBasic())
                .header("Content-Type", "multipart/form-data; boundary=b").header("Origin", ATTACKER)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(started(employee)).isFalse();
    }

    @Test
    void aCrossSiteRequestWithoutAnOriginIsKnownByItsFetchMetadata() {
        String employee = employeeId();
        var response = send(request("/api/interviews/import").header("Authorization", hrBasic())
                .header("Content-Type", "text/csv").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(csv(employee))));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(started(employee)).isFalse();
    }

    @Test
    void scriptsMaySendOnlyTheDocumentedContentTypes() {
        String employee = employeeId();
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded"}) {
            var response = send(request("/api/interviews/import").header("Authorization", hrBasic())
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(csv(employee))));
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
        assertThat(started(employee)).isFalse();
        var rerun = send(request("/api/analyses/rerun?scope=fallback").header("Authorization", hrBasic())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(rerun.statusCode()).as("an endpoint that reads no body").isEqualTo(415);
        var apiKey = send(request("/api/interviews/import").header("X-API-Key", API_KEY)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(csv(employee))));
        assertThat(apiKey.statusCode()).isEqualTo(415);
        assertThat(started(employee)).isFalse();
    }

    @Test
    void scriptsAndTheAppsOwnPagesStillGetThrough() {
        String fromScript = employeeId();
        assertThat(send(request("/api/interviews/import").header("Authorization", hrBasic())
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv(fromScript))))
                .statusCode()).isEqualTo(200);
        assertThat(started(fromScript)).isTrue();

        String samePage = employeeId();
        assertThat(send(request("/api/interviews/import").header("Authorization", hrBasic())
                .header("Content-Type", "text/csv").header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(csv(samePage)))).statusCode()).isEqualTo(200);
        assertThat(started(samePage)).isTrue();
    }

    @Test
    void theEngineRestApiRefusesForeignOriginsToo() {
        var foreign = send(request("/engine-rest/task/count").header("Authorization", hrBasic())
                .header("Origin", ATTACKER).GET());
        assertThat(foreign.statusCode()).isEqualTo(403);
        var script = send(request("/engine-rest/task/count").header("Authorization", hrBasic()).GET());
        assertThat(script.statusCode()).isEqualTo(200);
    }

    @Test
    void a401ToABrowserDoesNotAskForBasicCredentials() {
        var page = send(request("/api/interviews").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document").GET());
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().allValues("WWW-Authenticate")).noneMatch(value -> value.startsWith("Basic"));

        var fetchFromAPage = send(request("/api/interviews").header("Accept", "application/json")
                .header("Sec-Fetch-Mode", "cors").GET());
        assertThat(fetchFromAPage.statusCode()).isEqualTo(401);
        assertThat(fetchFromAPage.headers().allValues("WWW-Authenticate")).noneMatch(value -> value.startsWith("Basic"));

        var xhr = send(request("/api/interviews").header("X-Requested-With", "XMLHttpRequest").GET());
        assertThat(xhr.headers().allValues("WWW-Authenticate")).noneMatch(value -> value.startsWith("Basic"));

        var script = send(request("/api/interviews").GET());
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
    }

    private boolean started(String employeeId) {
        return !interviews.findByEmployeeIdAndLastWorkingDay(employeeId, LocalDate.parse(LAST_DAY)).isEmpty();
    }

    private static String csv(String employeeId) {
        return "employeeId,name,email,department,lastWorkingDay\n" + employeeId + ",Cross Site,"
                + employeeId.toLowerCase() + "@private.test,Sales," + LAST_DAY + "\n";
    }

    private static String employeeId() {
        return "X-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hrBasic() {
        return "Basic " + Base64.getEncoder().encodeToString((HR_USER + ":" + HR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
