package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.exitbot.ExitBotApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With no trusted proxy configured (the default), the client's address is the connection's: an
 * {@code X-Forwarded-For} a client makes up changes nothing, so it cannot escape the limits kept per address. An app
 * of its own (failsafe), on H2, with a per-address limit small enough to reach.
 */
class ClientAddressIT {

    private static final int PER_ADDRESS = 5;

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;
    private static String base;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ExitBotApplication.class).run(
                "--server.port=0",
                "--exitbot.data-dir=" + dataDir,
                "--exitbot.chat.requests-per-minute-per-address=" + PER_ADDRESS,
                "--exitbot.accounts.hr.password=client-address-hr-password",
                "--spring.ai.ollama.base-url=http://127.0.0.1:9");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aForgedForwardedForOnEveryRequestDoesNotEscapeTheLimitPerAddress() {
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i <= PER_ADDRESS; i++) {
            // a new link each time, so only the per-address limit can stop it
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
            statuses.add(send(HttpRequest.newBuilder(URI.create(base + "/api/chat/" + token))
                    .header("X-Forwarded-For", randomAddress()).GET()).statusCode());
        }
        assertThat(statuses.subList(0, PER_ADDRESS)).containsOnly(404);
        assertThat(statuses.get(PER_ADDRESS)).isEqualTo(429);
    }

    @Test
    void forwardedHostAndSchemeFromAClientThatIsNoProxyAreIgnored() {
        var page = send(HttpRequest.newBuilder(URI.create(base + "/hr"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "attacker.example")
                .header("X-Forwarded-Port", "443").GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/hr/login")
                .doesNotContain("attacker.example").doesNotStartWith("https:");
    }

    @Test
    void failedLoginsFromOneAddressAreThrottledWhicheverAccountTheyTry() {
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 25; i++) {
            String user = "guess" + i;
            statuses.add(send(HttpRequest.newBuilder(URI.create(base + "/api/interviews"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":wrong-" + i).getBytes(StandardCharsets.UTF_8)))
                    .header("X-Forwarded-For", randomAddress()).GET()).statusCode());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 25)).containsOnly(429);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return List.of(random.nextInt(1, 224), random.nextInt(256), random.nextInt(256), random.nextInt(1, 255))
                .stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElseThrow();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
