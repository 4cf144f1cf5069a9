package org.exitbot;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.exitbot.llm.LlmWorker;
import org.exitbot.llm.OllamaStub;
import org.exitbot.security.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every integration test: the whole app on PostgreSQL, a real SMTP server (GreenMail),
 * the Ollama stub, HR's Slack and Teams channels ({@link HrChannelReceiver}), the job executor and the LLM worker's
 * slots off so tests drive asynchronous steps themselves, an API key for an HR system (and one that may only start
 * interviews) and JWTs from {@link TestJwts}; metrics on, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "exitbot.llm.worker.concurrency=0",
        "exitbot.link-secret=test-link-secret-that-is-long-enough-0123456789",
        "exitbot.organisation-name=Acme Test Ltd",
        "exitbot.public-url=http://exitbot.test",
        "exitbot.accounts.hr.password=hr-test-password",
        "exitbot.accounts.admin.password=admin-test-password",
        "exitbot.mail.from=exitbot@acme.test",
        "exitbot.webhook.secret=" + ExitBotIntegrationTest.WEBHOOK_SECRET,
        "exitbot.integrations.api-keys=" + ExitBotIntegrationTest.API_KEY_NAME + ":" + ExitBotIntegrationTest.API_KEY
                + "," + ExitBotIntegrationTest.START_KEY_NAME + ":" + ExitBotIntegrationTest.START_KEY,
        "exitbot.integrations.api-key-scopes=" + ExitBotIntegrationTest.START_KEY_NAME + "=interviews.start",
        "exitbot.metrics.token=" + ExitBotIntegrationTest.METRICS_TOKEN,
        "spring.ai.retry.max-attempts=1",
        "spring.ai.retry.backoff.initial-interval=10ms",
        // every test calls from 127.0.0.1: the per-address limit is RateLimiterTest's, the per-link one stays
        "exitbot.chat.requests-per-minute-per-address=100000",
        // likewise for failed logins per address: ClientAddressIT's; the per-account count stays as configured
        "exitbot.logins.failures-per-address=100000",
        // a test JVM has no requests worth waiting for when it ends
        "server.shutdown=immediate"})
@ExtendWith(RequiresPostgres.class)
@AutoConfigureObservability(tracing = false)
public abstract class ExitBotIntegrationTest {

    public static final String HR_USER = "hr";
    public static final String HR_PASSWORD = "hr-test-password";
    public static final String WEBHOOK_SECRET = "test-webhook-secret-that-is-long-enough-42";
    public static final String API_KEY_NAME = "hris";
    public static final String API_KEY = "test-api-key-of-the-hr-system-0123456789";
    /** A key that may only start interviews (scope {@code interviews.start}). */
    public static final String START_KEY_NAME = "hris-start";
    public static final String START_KEY = "test-api-key-that-only-starts-interviews-42";
    /** The Prometheus server's token for {@code /actuator/prometheus}. */
    public static final String METRICS_TOKEN = "test-metrics-token-of-the-prometheus-server-42";

    protected static final OllamaStub ollama = startOllamaStub();
    protected static final GreenMail smtp = startSmtp();
    protected static final HrChannelReceiver hrChannel = HrChannelReceiver.start();

    @Autowired
    protected ProcessEngine processEngine;

    @Autowired
    protected LlmWorker llmWorker;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure().forEach(registry::add);
    }

    /** Everything this context is configured with, for starting another node of the same deployment. */
    protected static Map<String, Object> nodeProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String property : ExitBotIntegrationTest.class.getAnnotation(SpringBootTest.class).properties()) {
            int equals = property.indexOf('=');
            properties.put(property.substring(0, equals), property.substring(equals + 1));
        }
        infrastructure().forEach((name, value) -> properties.put(name, value.get()));
        return properties;
    }

    private static Map<String, Supplier<Object>> infrastructure() {
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        TestDatabase.get().ifPresent(db -> {
            properties.put("spring.datasource.url", db::url);
            properties.put("spring.datasource.username", db::username);
            properties.put("spring.datasource.password", db::password);
        });
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", TestJwts::publicKeyLocation);
        properties.put("spring.ai.ollama.base-url", ollama::baseUrl);
        properties.put("spring.mail.host", () -> "127.0.0.1");
        properties.put("spring.mail.port", () -> smtp.getSmtp().getPort());
        properties.put("exitbot.notify.slack-webhook-url", () -> hrChannel.url(HrChannelReceiver.SLACK));
        properties.put("exitbot.notify.teams-webhook-url", () -> hrChannel.url(HrChannelReceiver.TEAMS));
        return properties;
    }

    @BeforeEach
    void resetInfrastructure() throws Exception {
        BpmnAwareTests.init(processEngine);
        ollama.reset();
        smtp.purgeEmailFromAllMailboxes();
        hrChannel.reset();
    }

    /**
     * Runs due jobs and LLM tasks until none is left, as the job executor and the LLM worker would; returns how
     * many ran.
     */
    protected int runDueJobs() {
        ManagementService management = processEngine.getManagementService();
        int ran = 0;
        for (int round = 0; round < 100; round++) {
            while (llmWorker.serveOne()) {
                ran++;
            }
            List<Job> due = management.createJobQuery().executable().messages().list();
            if (due.isEmpty()) {
                if (llmWorker.serveOne()) {
                    ran++;
                    continue;
                }
                return ran;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // a failing job keeps its retries and exception, as with the job executor
                }
                ran++;
            }
        }
        throw new IllegalStateException("Jobs keep coming: is a job failing in a loop?");
    }

    private static OllamaStub startOllamaStub() {
        try {
            return new OllamaStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail startSmtp() {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a fixed port, so a test can stop and restart the server without the app losing it
        var greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }
}
