package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description at {@code /v3/api-docs} covers every endpoint of {@code /api/**}, each with a summary,
 * an example, its problem details and its security; only HR users read it.
 */
class ApiDocumentationTest extends ExitBotIntegrationTest {

    static final String OUTSIDER = "docsoutsider";
    static final String OUTSIDER_PASSWORD = "docs-outsider-password";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void aCamundaUserOutsideHr() {
        var identity = processEngine.getIdentityService();
        if (identity.createUserQuery().userId(OUTSIDER).count() == 0) {
            var user = identity.newUser(OUTSIDER);
            user.setPassword(OUTSIDER_PASSWORD);
            identity.saveUser(user);
        }
    }

    @Test
    void onlyHrReadsTheDescriptionAndSwaggerUi() {
        for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(http.withBasicAuth(OUTSIDER, OUTSIDER_PASSWORD).getForEntity(path, String.class)
                    .getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(HR_USER, HR_PASSWORD).getForEntity(path, String.class).getStatusCode())
                    .as(path).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void everyApiEndpointOfTheControllersIsDescribed() {
        JsonNode paths = spec().path("paths");
        Set<String> described = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (var method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        endpoints.add(method.name() + " " + pattern);
                    }
                }
            }
        });
        assertThat(endpoints).contains("POST /api/hooks/offboarding", "GET /api/interviews/{id}",
                "POST /api/chat/{token}/messages");
        assertThat(described).as("operations in /v3/api-docs").containsAll(endpoints);
    }

    @Test
    void everyOperationHasASummaryAnExampleItsProblemsAndItsSecurity() {
        JsonNode spec = spec();
        assertThat(spec.at("/components/securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder(ApiDocumentation.BASIC, ApiDocumentation.API_KEY, ApiDocumentation.JWT,
                        ApiDocumentation.WEBHOOK);
        assertThat(spec.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "errors");
        List<String> wrong = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String name = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            if (operation.path("summary").asText().isBlank()) {
                wrong.add(name + ": no summary");
            }
            if (!hasExample(operation)) {
                wrong.add(name + ": no example");
            }
            List<String> problems = new ArrayList<>();
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode problem = response.getValue().at("/content/application~1problem+json");
                    if (!problem.at("/schema/$ref").asText().endsWith("/Problem")
                            || problem.path("examples").isEmpty()) {
                        wrong.add(name + " " + response.getKey() + ": not a problem detail with an example");
                    }
                    problems.add(response.getKey());
                }
            });
            if (problems.isEmpty()) {
                wrong.add(name + ": no problem responses");
            }
            if (!operation.has("security")) {
                wrong.add(name + ": no security");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachDoorHasItsSecurity() {
        JsonNode paths = spec().path("paths");
        assertThat(schemes(paths.at("/~1api~1interviews/post/security")))
                .containsExactly(ApiDocumentation.BASIC, ApiDocumentation.API_KEY, ApiDocumentation.JWT);
        assertThat(paths.at("/~1api~1interviews/post/description").asText()).contains("interviews.start");
        assertThat(schemes(paths.at("/~1api~1hooks~1offboarding/post/security")))
                .containsExactly(ApiDocumentation.WEBHOOK);
        assertThat(paths.at("/~1api~1chat~1{token}~1messages/post/security")).as("the link token alone").isEmpty();
        assertThat(paths.at("/~1api~1interviews/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1interviews/post/tags").get(0).asText()).isEqualTo("interviews");
        assertThat(paths.at("/~1api~1interviews~1{id}~1analyses/get/tags").get(0).asText()).isEqualTo("analyses");
        assertThat(paths.at("/~1api~1reports~1summary/get/parameters").findValuesAsText("name"))
                .as("the report filter's query parameters").containsExactlyInAnyOrder("from", "to", "department");
    }

    /** An entry for an operation that no longer exists would document nothing. */
    @Test
    void everyExampleEntryNamesAnOperation() {
        JsonNode paths = spec().path("paths");
        Map<String, ApiDocumentation.Documented> entries = ApiDocumentation.read(objectMapper);
        assertThat(entries).isNotEmpty();
        assertThat(entries.keySet()).allSatisfy(key -> {
            String[] methodAndPath = key.split(" ", 2);
            assertThat(paths.path(methodAndPath[1]).has(methodAndPath[0].toLowerCase())).as(key).isTrue();
        });
    }

    private static boolean hasExample(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.has("example")) {
                return true;
            }
        }
        return !operation.at("/requestBody/content").findValues("examples").isEmpty()
                || operation.path("responses").fields().hasNext() && anySuccessExample(operation.path("responses"));
    }

    private static boolean anySuccessExample(JsonNode responses) {
        var found = new boolean[1];
        responses.fields().forEachRemaining(response -> found[0] |= response.getKey().startsWith("2")
                && !response.getValue().path("content").findValues("examples").isEmpty());
        return found[0];
    }

    private static List<String> schemes(JsonNode security) {
        List<String> names = new ArrayList<>();
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(names::add));
        return names;
    }

    private JsonNode spec() {
        ResponseEntity<JsonNode> response = http.withBasicAuth(HR_USER, HR_PASSWORD)
                .getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
