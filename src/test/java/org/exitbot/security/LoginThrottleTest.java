package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.IdentityService;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins are counted per account on every door a password goes through (HTTP Basic on {@code /api/**}, the
 * dashboard's form, {@code /engine-rest}, Camunda's webapp login): past the free attempts the account's next login
 * waits, answered with 429 and Retry-After, and then works again. Camunda's own lock never becomes permanent.
 */
class LoginThrottleTest extends ExitBotIntegrationTest {

    static final int FREE_ATTEMPTS = 5;
    static final String PASSWORD = "throttled-user-password";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void failedBasicLoginsOnTheApiAreThrottledWith429AndThenLetThroughAgain() {
        String user = hrUser("throttleapi");
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertThat(api(user, "wrong").statusCode()).isEqualTo(401);
        }
        var refused = api(user, PASSWORD);
        assertThat(refused.statusCode()).as("even with the right password, for a while").isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("Too many failed logins");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 300L);

        await().atMost(Duration.ofSeconds(retryAfter + 10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api(user, PASSWORD).statusCode() == 200);
        assertThat(api(user, "wrong").statusCode()).as("a login that worked starts the count afresh").isEqualTo(401);
    }

    @Test
    void failedDashboardLoginsAreThrottled() {
        String user = hrUser("throttlepage");
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            var failed = new WebSession(port).logInToDashboard(user, "wrong");
            assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("error");
        }
        var refused = new WebSession(port).logInToDashboard(user, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many failed logins");
    }

    @Test
    void failedEngineRestLoginsAreThrottled() {
        String user = hrUser("throttlerest");
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertThat(engineRest(user, "wrong").statusCode()).isEqualTo(401);
        }
        var refused = engineRest(user, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void failedWebappLoginsAreThrottled() {
        String user = hrUser("throttlewebapp");
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertThat(new WebSession(port).logInToCamunda("tasklist", user, "wrong").statusCode()).isEqualTo(401);
        }
        var refused = new WebSession(port).logInToCamunda("tasklist", user, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void theCountOfAnAccountIsTheSameOnEveryDoor() {
        String user = hrUser("throttledoors");
        List<BiFunction<String, String, Integer>> doors = List.of(
                (u, p) -> api(u, p).statusCode(),
                (u, p) -> engineRest(u, p).statusCode(),
                (u, p) -> new WebSession(port).logInToCamunda("tasklist", u, p).statusCode(),
                (u, p) -> new WebSession(port).logInToDashboard(u, p).statusCode());
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            statuses.add(doors.get(i % doors.size()).apply(user, "wrong"));
        }
        assertThat(statuses).doesNotContain(429);
        assertThat(doors.get(FREE_ATTEMPTS % doors.size()).apply(user, PASSWORD)).isEqualTo(429);
    }

    @Test
    void camundasOwnLoginLockNeverLocksAnAccountForGood() {
        String user = hrUser("throttlecamundalock");
        for (int i = 0; i < 12; i++) {
            assertThat(identity.checkPassword(user, "wrong")).isFalse();
        }
        assertThat(identity.checkPassword(user, PASSWORD)).as("Camunda locks for good after 10 by default").isTrue();
    }

    private String hrUser(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var created = identity.newUser(id);
            created.setPassword(PASSWORD);
            identity.saveUser(created);
            identity.createMembership(id, "hr");
        }
        return id;
    }

    private HttpResponse<String> api(String user, String password) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/summary"))
                .header("Authorization", basic(user, password)).GET());
    }

    private HttpResponse<String> engineRest(String user, String password) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/count"))
                .header("Authorization", basic(user, password)).GET());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
