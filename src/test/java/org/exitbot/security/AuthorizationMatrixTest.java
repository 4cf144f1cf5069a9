package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.exitbot.interview.InterviewFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the app, and samples of Camunda's, against every kind of caller, with the status each must
 * get. The result is printed as a table and written to {@code target/security/authorization-matrix.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends ExitBotIntegrationTest {

    static final String OUTSIDER = "matrixoutsider";
    static final String OUTSIDER_PASSWORD = "matrix-outsider-password";
    static final String ADMIN_PASSWORD = "admin-test-password";
    /** The link any caller but the employee has: none that works. */
    static final String UNKNOWN_TOKEN = "A".repeat(43);
    static final Path REPORT = Path.of("target", "security", "authorization-matrix.md");

    enum Caller {
        ANONYMOUS("anonymous"), EMPLOYEE("employee link"), CAMUNDA_USER("Camunda user"), HR("hr"), ADMIN("admin"),
        API_KEY("API key"), JWT("JWT with hr"), SCOPED_KEY("API key: interviews.start"),
        SCOPED_JWT("JWT: exitbot.interviews.start"), METRICS("metrics token");

        final String label;

        Caller(String label) {
            this.label = label;
        }

        boolean isUser() {
            return this == CAMUNDA_USER || this == HR || this == ADMIN;
        }
    }

    /** How callers present themselves at an endpoint. */
    enum Door {
        /** /api/**: Basic for users, X-API-Key, bearer JWT; the employee tries the link token as a bearer */
        API,
        /** /hr/**: the dashboard's session for users, the others' headers */
        PAGE,
        /** token-only: the employee's own link token in the path, everyone else an unknown one */
        EMPLOYEE,
        /** /engine-rest: Basic for users */
        ENGINE_REST,
        /** /camunda/**: the webapps' session for users */
        WEBAPP,
        /** a webapp's login: users with their password, the others with none */
        WEBAPP_LOGIN,
        /** open to all */
        PUBLIC
    }

    /** What a caller must get: one of these statuses, and for a count, whether it sees any. */
    record Expect(Set<Integer> statuses, Boolean seesSome) {

        static Expect status(Integer... statuses) {
            return new Expect(Set.of(statuses), null);
        }

        static final Expect NONE_SEEN = new Expect(Set.of(200), false);
        static final Expect SOME_SEEN = new Expect(Set.of(200), true);

        boolean met(Outcome outcome) {
            return statuses.contains(outcome.status()) && (seesSome == null || seesSome.equals(outcome.count() > 0));
        }

        @Override
        public String toString() {
            String codes = statuses.stream().sorted().map(String::valueOf).collect(Collectors.joining("/"));
            return seesSome == null ? codes : codes + (seesSome ? " · some" : " · none");
        }
    }

    record Outcome(int status, long count) {
    }

    record EmployeeLink(String token, UUID interview) {
    }

    /** One endpoint. */
    record Row(Door door, String method, String template, String body, String contentType,
            Map<Caller, Expect> expected, boolean counts) {

        String name() {
            return method + " " + template;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private static final Map<Row, Map<Caller, String>> results = new LinkedHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Caller, WebSession> dashboards = new EnumMap<>(Caller.class);
    private final Map<Caller, WebSession> webapps = new EnumMap<>(Caller.class);
    private EmployeeLink employeeLink;
    private UUID reviewing;
    private UUID open;
    private String reviewTask;

    /** Once, in the first test: the process test coverage follows the engine only while a test runs. */
    @BeforeEach
    void callersAndInterviews() {
        if (reviewing != null) {
            return;
        }
        var identity = processEngine.getIdentityService();
        if (identity.createUserQuery().userId(OUTSIDER).count() == 0) {
            var user = identity.newUser(OUTSIDER);
            user.setPassword(OUTSIDER_PASSWORD);
            identity.saveUser(user);
        }
        var driver = new InterviewDriver(interviews, processEngine.getTaskService(), this::runDueJobs);
        reviewing = driver.start(HR_USER);
        driver.answer(reviewing, "The matrix asked me to say something.");
        driver.stop(reviewing);
        reviewTask = driver.reviewTask(reviewing).getId();
        open = driver.start(HR_USER);
        employeeLink = employeeInInterview();
        for (Caller caller : Caller.values()) {
            if (caller.isUser()) {
                var dashboard = new WebSession(port);
                dashboard.logInToDashboard(user(caller), password(caller));
                dashboards.put(caller, dashboard);
                var webapp = new WebSession(port);
                // every user may open Welcome, so every user gets a session for the webapps' engine API
                assertThat(webapp.logInToCamunda("welcome", user(caller), password(caller)).statusCode())
                        .isEqualTo(200);
                webapps.put(caller, webapp);
            }
        }
    }

    static Stream<Row> rows() {
        var rows = new ArrayList<Row>();
        String newInterview = "{\"employeeId\": \"\"}";
        String set = "{\"title\": \"Default\", \"questions\": [{\"id\": \"q\", \"text\": \"Why?\"}]}";
        // the HR API: a body that fails validation, or an answer with no side effect, shows the call got through
        rows.add(api("GET", "/api/interviews", 200).row());
        rows.add(api("POST", "/api/interviews", 400).startScope().body(newInterview, "application/json").row());
        rows.add(api("POST", "/api/interviews/import", 200).startScope()
                .body("employeeId,name,email,department,lastWorkingDay\nM-1,,not-an-email,,\n", "text/csv").row());
        rows.add(api("GET", "/api/interviews/{id}", 200).row());
        rows.add(api("POST", "/api/interviews/{open}/analysis", 409).row());
        rows.add(api("GET", "/api/interviews/{id}/analyses", 200).row());
        rows.add(api("POST", "/api/analyses/rerun?scope=none", 400).row());
        rows.add(api("GET", "/api/question-sets", 200).row());
        rows.add(api("POST", "/api/question-sets?name=default&locale=en", 409).body(set, "application/json").row());
        rows.add(api("GET", "/api/question-sets/{name}?locale=en", 200).row());
        rows.add(api("PUT", "/api/question-sets/{name}?locale=en", 400).body("{}", "application/json").row());
        rows.add(api("GET", "/api/question-sets/{name}/file?locale=en&format=yaml", 200).row());
        rows.add(api("GET", "/api/reports/summary", 200).row());
        rows.add(api("GET", "/api/reports/process", 200).row());
        rows.add(api("GET", "/api/reports/export?format=csv", 200).row());
        rows.add(api("GET", "/api/reports/agreement", 200).row());
        rows.add(api("GET", "/api/corrections/export", 200).row());
        rows.add(api("GET", "/api/audit/transcript-reads", 200).row());
        rows.add(api("GET", "/api/anonymous-comments", 200).row());
        rows.add(api("GET", "/api/actions", 200).row());
        rows.add(api("POST", "/api/actions", 400).body("{\"theme\": \"\"}", "application/json").row());
        rows.add(api("GET", "/api/actions/{unknown}", 404).row());
        rows.add(api("DELETE", "/api/interviews/{unknown}", 404).row());
        rows.add(api("GET", "/api/demo-data", 200).row());
        // no demo data is loaded here: removing it removes nothing
        rows.add(api("DELETE", "/api/demo-data", 200).row());
        // the HR dashboard
        rows.add(page("/hr"));
        rows.add(page("/hr/"));
        rows.add(page("/hr/interviews"));
        rows.add(page("/hr/interviews/{id}"));
        rows.add(page("/hr/process"));
        rows.add(page("/hr/actions"));
        rows.add(page("/hr/anonymous-comments"));
        rows.add(page("/hr/agreement"));
        rows.add(page("/hr/question-sets"));
        rows.add(all(Door.PUBLIC, "GET", "/hr/login", 200));
        rows.add(all(Door.PUBLIC, "GET", "/hr/assets/hr.css", 200));
        // the employee's side: the link token alone opens it
        rows.add(employee("GET", "/i/{token}", 200).row());
        rows.add(employee("GET", "/api/chat/{token}", 200).row());
        rows.add(employee("GET", "/api/chat/{token}/events", 200).row());
        rows.add(employee("POST", "/api/chat/{token}/consent", 200).body("{}", "application/json").row());
        rows.add(employee("POST", "/api/chat/{token}/messages", 200)
                .body("{\"text\": \"Said in the matrix.\", \"inReplyTo\": {prompt}}", "application/json").row());
        rows.add(employee("PUT", "/api/chat/{token}/answers/{messageId}", 409)
                .body("{\"text\": \"Edited in the matrix.\"}", "application/json").row());
        rows.add(employee("POST", "/api/chat/{token}/skip", 200).row());
        rows.add(employee("POST", "/api/chat/{token}/stop", 200).row());
        rows.add(employee("POST", "/api/chat/{token}/finish", 409).row());
        rows.add(employee("PUT", "/api/chat/{token}/summary/statements/{position}", 409)
                .body("{\"text\": \"Corrected in the matrix.\", \"version\": 0}", "application/json").row());
        rows.add(employee("PUT", "/api/chat/{token}/summary/themes/{code}", 409)
                .body("{\"removed\": true, \"version\": 0}", "application/json").row());
        rows.add(employee("POST", "/api/chat/{token}/summary/confirm", 409)
                .body("{\"version\": 0}", "application/json").row());
        // last of the employee's rows: it erases the employee's interview
        rows.add(employee("POST", "/api/chat/{token}/erase", 204).row());
        rows.add(all(Door.PUBLIC, "GET", "/chat/chat.js", 200));
        rows.add(new Builder(Door.EMPLOYEE, "GET", "/erase/{unknown-token}").everyone(404).row());
        rows.add(new Builder(Door.EMPLOYEE, "POST", "/erase/{unknown-token}").everyone(404).row());
        // HR systems' webhook: its signature is the only way in
        rows.add(new Builder(Door.API, "POST", "/api/hooks/offboarding").everyone(401)
                .body(newInterview, "application/json").row());
        // Camunda's engine REST API: users by HTTP Basic, each seeing what Camunda's authorizations give them
        rows.add(engine("GET", "/engine-rest/process-definition/key/exit-interview", status(404), status(200),
                status(200)).row());
        rows.add(engine("GET", "/engine-rest/process-definition/key/theme-action", status(404), status(200),
                status(200)).row());
        rows.add(engine("GET", "/engine-rest/task/count", Expect.NONE_SEEN, Expect.SOME_SEEN, Expect.SOME_SEEN)
                .counting().row());
        rows.add(engine("GET", "/engine-rest/task/{task}/variables/transcript?deserializeValue=false",
                status(403), status(200), status(200)).row());
        rows.add(engine("GET", "/engine-rest/process-instance/count", Expect.NONE_SEEN, Expect.NONE_SEEN,
                Expect.SOME_SEEN).counting().row());
        rows.add(engine("GET", "/engine-rest/history/process-instance/count?processDefinitionKey=exit-interview",
                Expect.NONE_SEEN, Expect.SOME_SEEN, Expect.SOME_SEEN).counting().row());
        rows.add(engine("GET", "/engine-rest/history/variable-instance/count?variableName=transcript",
                Expect.NONE_SEEN, Expect.NONE_SEEN, Expect.SOME_SEEN).counting().row());
        rows.add(engine("GET", "/engine-rest/deployment/count", Expect.NONE_SEEN, Expect.NONE_SEEN,
                Expect.SOME_SEEN).counting().row());
        rows.add(engine("GET", "/engine-rest/task?assigneeExpression=${currentUser()}", status(400), status(400),
                status(400)).row());
        // Camunda's webapps: users by the session of their login
        rows.add(webapp("GET", "/camunda/api/engine/engine/default/task/count", Expect.NONE_SEEN, Expect.SOME_SEEN,
                Expect.SOME_SEEN).counting().row());
        rows.add(webapp("GET", "/camunda/api/engine/engine/default/task/{task}/form-variables?deserializeValues=false",
                status(403), status(200), status(200)).row());
        rows.add(webapp("GET", "/camunda/api/engine/engine/default/process-instance/count", Expect.NONE_SEEN,
                Expect.NONE_SEEN, Expect.SOME_SEEN).counting().row());
        rows.add(webapp("GET", "/camunda/api/engine/engine/default/history/process-instance/count", Expect.NONE_SEEN,
                Expect.SOME_SEEN, Expect.SOME_SEEN).counting().row());
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            rows.add(new Builder(Door.WEBAPP_LOGIN, "POST", "/camunda/api/admin/auth/user/default/login/" + app)
                    .everyone(401).expect(Caller.CAMUNDA_USER, status(403))
                    .expect(Caller.HR, status(app.equals("tasklist") ? 200 : 403)).expect(Caller.ADMIN, status(200))
                    .row());
        }
        rows.add(new Builder(Door.WEBAPP, "GET", "/camunda/app/admin/default/setup/").everyone(403).row());
        rows.add(new Builder(Door.WEBAPP, "POST", "/camunda/api/admin/setup/default/user/create").everyone(403)
                .body("{}", "application/json").row());
        // a password check for any user, which would sidestep the login throttle
        rows.add(new Builder(Door.ENGINE_REST, "POST", "/engine-rest/identity/verify").everyone(403)
                .body("{\"username\": \"admin\", \"password\": \"guess\"}", "application/json").row());
        rows.add(new Builder(Door.WEBAPP, "POST", "/camunda/api/engine/engine/default/identity/verify").everyone(403)
                .body("{\"username\": \"admin\", \"password\": \"guess\"}", "application/json").row());
        rows.add(all(Door.PUBLIC, "GET", "/actuator/health", 200));
        // operators: Camunda administrators and the Prometheus server's token
        rows.add(new Builder(Door.API, "GET", "/actuator/prometheus").everyone(401)
                .expect(Caller.CAMUNDA_USER, status(403)).expect(Caller.HR, status(403))
                .expect(Caller.ADMIN, status(200)).expect(Caller.METRICS, status(200)).row());
        // the API's description and Swagger UI: HR users
        for (String docs : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
                "/swagger-ui.html")) {
            rows.add(new Builder(Door.API, "GET", docs).everyone(401).expect(Caller.CAMUNDA_USER, status(403))
                    .expect(Caller.ADMIN, status(403))
                    .expect(Caller.HR, status(docs.equals("/swagger-ui.html") ? 302 : 200)).row());
        }
        rows.add(all(Door.PUBLIC, "GET", "/favicon.ico", 200));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyCallerGetsWhatItMust(Row row) {
        var cells = new EnumMap<Caller, String>(Caller.class);
        var wrong = new ArrayList<String>();
        for (Caller caller : Caller.values()) {
            Outcome outcome = call(row, caller);
            Expect expect = row.expected().get(caller);
            String shown = outcome.status() + (row.counts() && outcome.status() == 200
                    ? (outcome.count() > 0 ? " · some" : " · none") : "");
            cells.put(caller, expect.met(outcome) ? shown : "**" + shown + "** (must be " + expect + ")");
            if (!expect.met(outcome)) {
                wrong.add(caller.label + " got " + shown + ", must get " + expect);
            }
        }
        results.put(row, cells);
        assertThat(wrong).as(row.name()).isEmpty();
    }

    /** Every handler of the app's own API, pages and employee side has its row. */
    @Test
    void theMatrixHasARowForEveryEndpointOfTheApp() {
        Set<String> inMatrix = rows().map(row -> row.method() + " " + row.template().replaceAll("\\?.*", "")
                .replace("{open}", "{id}").replace("{unknown}", "{id}").replace("{unknown-token}", "{token}"))
                .collect(Collectors.toSet());
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (var method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        });
        endpoints.remove("GET /error");
        assertThat(endpoints).contains("GET /api/interviews", "POST /api/chat/{token}/messages", "GET /hr");
        assertThat(endpoints).as("endpoints without a row in the matrix").isSubsetOf(inMatrix);
    }

    @AfterAll
    static void printTheMatrix() throws IOException {
        var table = new StringBuilder("| Endpoint | ")
                .append(Stream.of(Caller.values()).map(c -> c.label).collect(Collectors.joining(" | "))).append(" |\n")
                .append("|---|").append("---|".repeat(Caller.values().length)).append('\n');
        results.forEach((row, cells) -> {
            table.append("| `").append(row.name().replace("|", "\\|")).append("` | ");
            table.append(Stream.of(Caller.values())
                    .map(cells::get)
                    .collect(Collectors.joining(" | "))).append(" |\n");
        });
        table.append("""

                Statuses as received. "· some" / "· none": a count of 200 that shows some or none of the records. \
                State-changing calls send a body that fails validation, or meet a state that refuses them, wherever \
                that shows the call got through without changing anything (400, 409). The employee column calls the \
                token-only endpoints with the link of an interview of its own and elsewhere sends that token as a \
                bearer token; every other caller holds an unknown link.
                """);
        System.out.println("\nAuthorization matrix\n\n" + table);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "# Authorization matrix\n\n" + table);
    }

    private Outcome call(Row row, Caller caller) {
        if (row.door() == Door.WEBAPP_LOGIN) {
            String app = row.template().substring(row.template().lastIndexOf('/') + 1);
            return new Outcome(new WebSession(port).logInToCamunda(app, caller.isUser() ? user(caller) : "",
                    caller.isUser() ? password(caller) : "").statusCode(), 0);
        }
        String path = row.template()
                .replace("{id}", reviewing.toString())
                .replace("{open}", open.toString())
                .replace("{unknown}", UUID.randomUUID().toString())
                .replace("{unknown-token}", UNKNOWN_TOKEN)
                .replace("{name}", "default")
                .replace("{task}", reviewTask)
                .replace("${currentUser()}", "%24%7BcurrentUser()%7D");
        if (row.door() == Door.EMPLOYEE) {
            // every call comes from this machine's address, and most name the one unknown token: the matrix checks
            // who may call, not how often
            for (String key : List.of("address:127.0.0.1", "address:0:0:0:0:0:0:0:1", "link:" + UNKNOWN_TOKEN)) {
                jdbc.update("delete from chat_rate_count where rate_key = ?", org.exitbot.system.Sha256.hex(key));
            }
        }
        EmployeeLink link = null;
        if (row.door() == Door.EMPLOYEE && path.contains("{token}")) {
            // each call on an interview of its own, as calls may change it
            link = caller == Caller.EMPLOYEE ? employeeInInterview() : null;
            path = path.replace("{token}", link == null ? UNKNOWN_TOKEN : link.token())
                    .replace("{messageId}", link == null ? "1" : String.valueOf(answerOf(link.interview())))
                    .replace("{position}", "0").replace("{code}", "workload_stress");
        }
        String body = row.body() == null ? null : row.body().replace("{prompt}", link == null ? "1"
                : String.valueOf(promptOf(link.interview())));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        request.method(row.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (row.contentType() != null) {
            request.header("Content-Type", row.contentType());
        }
        WebSession session = switch (row.door()) {
            case PAGE -> dashboards.get(caller);
            case WEBAPP -> webapps.get(caller);
            default -> null;
        };
        if (session == null) {
            credentials(caller, row.door(), request);
        }
        return outcome(session, request);
    }

    private void credentials(Caller caller, Door door, HttpRequest.Builder request) {
        switch (caller) {
            case EMPLOYEE -> {
                if (door != Door.EMPLOYEE) {
                    request.header("Authorization", "Bearer " + employeeLink.token());
                }
            }
            case CAMUNDA_USER, HR, ADMIN -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user(caller) + ":" + password(caller)).getBytes(StandardCharsets.UTF_8)));
            case API_KEY -> request.header(ApiKeyAuthenticationFilter.HEADER, API_KEY);
            case JWT -> request.header("Authorization", "Bearer " + TestJwts.valid("matrix-jwt", List.of("hr")));
            case SCOPED_KEY -> request.header(ApiKeyAuthenticationFilter.HEADER, START_KEY);
            case SCOPED_JWT -> request.header("Authorization", "Bearer "
                    + TestJwts.withScopes("matrix-start", "exitbot.interviews.start"));
            case METRICS -> request.header("Authorization", "Bearer " + METRICS_TOKEN);
            default -> {
            }
        }
    }

    /** Status and, for a JSON count, the count; an event stream is left open no longer than its headers. */
    private Outcome outcome(WebSession session, HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = session == null
                    ? bare.send(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    : session.sendStreaming(request);
            try (InputStream body = response.body()) {
                if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                    return new Outcome(response.statusCode(), 0);
                }
                byte[] bytes = body.readAllBytes();
                long count = 0;
                if (response.statusCode() == 200 && response.headers().firstValue("Content-Type").orElse("")
                        .contains("json")) {
                    var node = json.readTree(bytes);
                    count = node.path("count").asLong(node.isArray() ? node.size() : 0);
                }
                return new Outcome(response.statusCode(), count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh interview for each employee call, consented and answered once, so calls that change it can. */
    private EmployeeLink employeeInInterview() {
        var request = InterviewFixtures.newInterview();
        UUID interview = interviews.start(request, HR_USER).id();
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        var employee = new WebSession(port);
        employee.send(employee.request("/api/chat/" + token + "/consent").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        employee.send(employee.request("/api/chat/" + token + "/messages").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"A first answer.\", \"inReplyTo\": "
                        + promptOf(interview) + "}")));
        runDueJobs();
        return new EmployeeLink(token, interview);
    }

    private long promptOf(UUID interview) {
        return jdbc.queryForObject("select max(id) from interview_message where interview_id = ? "
                + "and kind in ('QUESTION', 'FOLLOW_UP')", Long.class, interview);
    }

    private long answerOf(UUID interview) {
        return jdbc.queryForObject("select max(id) from interview_message where interview_id = ? and kind = 'ANSWER'",
                Long.class, interview);
    }

    private static String user(Caller caller) {
        return switch (caller) {
            case HR -> HR_USER;
            case ADMIN -> "admin";
            default -> OUTSIDER;
        };
    }

    private static String password(Caller caller) {
        return switch (caller) {
            case HR -> HR_PASSWORD;
            case ADMIN -> ADMIN_PASSWORD;
            default -> OUTSIDER_PASSWORD;
        };
    }

    private static Expect status(int status) {
        return Expect.status(status);
    }

    /**
     * HR's API: HR, its API key and its JWT get through; other users and callers whose scopes do not cover the
     * endpoint are refused, strangers not recognised.
     */
    private static Builder api(String method, String template, Integer... allowed) {
        return new Builder(Door.API, method, template, allowed).everyone(401)
                .expect(Caller.CAMUNDA_USER, Expect.status(403)).expect(Caller.ADMIN, Expect.status(403))
                .expect(Caller.HR, Expect.status(allowed)).expect(Caller.API_KEY, Expect.status(allowed))
                .expect(Caller.JWT, Expect.status(allowed))
                .expect(Caller.SCOPED_KEY, Expect.status(403)).expect(Caller.SCOPED_JWT, Expect.status(403));
    }

    /** Dashboard pages: HR's session only; others with a session are refused, the rest sent to the login. */
    private static Row page(String template) {
        return new Builder(Door.PAGE, "GET", template).everyone(302)
                .expect(Caller.CAMUNDA_USER, Expect.status(403)).expect(Caller.ADMIN, Expect.status(403))
                .expect(Caller.HR, Expect.status(200)).row();
    }

    private static Builder employee(String method, String template, int forTheEmployee) {
        return new Builder(Door.EMPLOYEE, method, template).everyone(404)
                .expect(Caller.EMPLOYEE, Expect.status(forTheEmployee));
    }

    private static Builder engine(String method, String template, Expect camundaUser, Expect hr, Expect admin) {
        return new Builder(Door.ENGINE_REST, method, template).everyone(401).expect(Caller.CAMUNDA_USER, camundaUser)
                .expect(Caller.HR, hr).expect(Caller.ADMIN, admin);
    }

    private static Builder webapp(String method, String template, Expect camundaUser, Expect hr, Expect admin) {
        return new Builder(Door.WEBAPP, method, template).everyone(401).expect(Caller.CAMUNDA_USER, camundaUser)
                .expect(Caller.HR, hr).expect(Caller.ADMIN, admin);
    }

    private static Row all(Door door, String method, String template, int status) {
        return new Builder(door, method, template).everyone(status).row();
    }

    private static final class Builder {
        private final Door door;
        private final String method;
        private final String template;
        private final Map<Caller, Expect> expected = new EnumMap<>(Caller.class);
        private final Integer[] allowed;
        private String body;
        private String contentType;
        private boolean counts;

        Builder(Door door, String method, String template) {
            this(door, method, template, new Integer[0]);
        }

        Builder(Door door, String method, String template, Integer... allowed) {
            this.door = door;
            this.method = method;
            this.template = template;
            this.allowed = allowed;
        }

        /** An endpoint of the scope {@code interviews.start}: the callers holding only that scope get through. */
        Builder startScope() {
            return expect(Caller.SCOPED_KEY, Expect.status(allowed)).expect(Caller.SCOPED_JWT, Expect.status(allowed));
        }

        Builder everyone(Integer... statuses) {
            for (Caller caller : Caller.values()) {
                expected.put(caller, Expect.status(statuses));
            }
            return this;
        }

        Builder expect(Caller caller, Expect expect) {
            expected.put(caller, expect);
            return this;
        }

        Builder body(String body, String contentType) {
            this.body = body;
            this.contentType = contentType;
            return this;
        }

        Builder counting() {
            this.counts = true;
            return this;
        }

        Row row() {
            return new Row(door, method, template, body, contentType, Map.copyOf(expected), counts);
        }
    }
}
