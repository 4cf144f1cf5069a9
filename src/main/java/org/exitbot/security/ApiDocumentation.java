package org.exitbot.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.exitbot.system.ExitBotProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI description of {@code /api/**} that springdoc serves at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}): the schemas springdoc reads from the controllers, and from here the ways in (HTTP
 * Basic, API key, JWT, the webhook's signature), the problem details every operation may answer with, the scope
 * that opens each operation, and a summary and examples per operation from {@value #EXAMPLES}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String EXAMPLES = "openapi/examples.yaml";
    static final String BASIC = "basicAuth";
    static final String API_KEY = "apiKey";
    static final String JWT = "bearerJwt";
    static final String WEBHOOK = "webhookSignature";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** One operation's entry in {@value #EXAMPLES}, under {@code METHOD /path}. */
    record Documented(String summary, String description, Map<String, Object> parameters, Object request,
            String requestType, Integer status, Object response, String responseType, List<Integer> problems) {
    }

    @Bean
    OpenAPI exitBotApi(ExitBotProperties app) {
        return new OpenAPI()
                .info(new Info().title("ExitBot API").version("v1")
                        .license(new License().name("Apache License, Version 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0"))
                        .description("""
                                Exit interviews for HR systems and scripts. An HR system announces a leaver with \
                                the signed webhook (`POST /api/hooks/offboarding`) or `POST /api/interviews`, and \
                                reads the interviews, analyses and reports back. Every error is an RFC 7807 \
                                problem detail (`application/problem+json`); validation errors list their fields \
                                under `errors`. The employee's own endpoints (`/api/chat/{token}`) are opened by the \
                                link token in their path alone."""))
                .addServersItem(new Server().url(app.publicUrl().toString()))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A Camunda user in the group hr (the same login as Tasklist)"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                                .description("An HR system's key from EXITBOT_API_KEYS; EXITBOT_API_KEY_SCOPES may "
                                        + "limit it to scopes"))
                        .addSecuritySchemes(JWT, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A token of the organisation's identity provider, once an issuer or "
                                        + "key is configured; the hr group or exitbot.<scope> scopes"))
                        .addSecuritySchemes(WEBHOOK, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(WebhookSignature.HEADER)
                                .description("sha256=<hex HMAC-SHA256 of timestamp.delivery.body> under "
                                        + "EXITBOT_WEBHOOK_SECRET, with " + WebhookSignature.TIMESTAMP_HEADER
                                        + " (Unix seconds, at most 5 minutes off) and "
                                        + WebhookSignature.DELIVERY_HEADER + " (taken once)")));
    }

    @Bean
    OpenApiCustomizer documentedOperations(ObjectMapper objectMapper) {
        Map<String, Documented> documented = read(objectMapper);
        return api -> {
            // springdoc builds the schemas from the controllers after this bean: the problem's is added with them
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            documentOperations(api, documented);
        };
    }

    private static void documentOperations(OpenAPI api, Map<String, Documented> documented) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> {
                    String key = method.name() + " " + path;
                    operation.setTags(List.of(tag(path)));
                    flattenModelAttributes(api, operation);
                    Documented entry = documented.get(key);
                    if (entry != null) {
                        describe(operation, entry);
                    }
                    security(path, operation);
                    problems(path, method, operation, entry);
                }));
    }

    private static void security(String path, Operation operation) {
        if (path.startsWith("/api/chat/")) {
            operation.setSecurity(List.of());
            return;
        }
        if (path.startsWith("/api/hooks/")) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(WEBHOOK)));
            return;
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
                new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(JWT)));
        var matcher = new AntPathMatcher();
        String concrete = path.replaceAll("\\{[^}]+}", "x");
        String scopes = Arrays.stream(ApiScope.values())
                .filter(scope -> scope.endpoints().stream().anyMatch(endpoint -> matcher.match(endpoint.pattern(),
                        concrete)))
                .map(ApiScope::code).collect(Collectors.joining(", "));
        String who = "Needs an HR user, or an API key or JWT with HR's rights"
                + (scopes.isEmpty() ? "." : " or the scope " + scopes + ".");
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
    }

    /** Operations grouped by what they are about, not by the controller that serves them. */
    static String tag(String path) {
        if (path.startsWith("/api/chat/")) {
            return "employee (link token)";
        }
        if (path.startsWith("/api/hooks/")) {
            return "webhooks";
        }
        if (path.startsWith("/api/analyses") || path.matches("/api/interviews/[^/]+/analys.*")) {
            return "analyses";
        }
        return path.split("/")[2];
    }

    /**
     * A {@code @ModelAttribute} (the reports' filter) is bound from plain query parameters, one per property, as
     * springdoc's {@code @ParameterObject} would show it.
     */
    private static void flattenModelAttributes(OpenAPI api, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        var flat = new ArrayList<Parameter>();
        for (Parameter parameter : operation.getParameters()) {
            String ref = parameter.getSchema() == null ? null : parameter.getSchema().get$ref();
            if (!"query".equals(parameter.getIn()) || ref == null) {
                flat.add(parameter);
                continue;
            }
            Schema<?> model = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
            model.getProperties().forEach((name, schema) -> flat.add(new Parameter().in("query").name(name)
                    .required(false).schema(schema)));
        }
        operation.setParameters(flat);
    }

    private static void describe(Operation operation, Documented entry) {
        operation.setSummary(entry.summary());
        if (entry.description() != null) {
            operation.setDescription(entry.description().strip());
        }
        if (entry.parameters() != null && operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> {
                Object example = entry.parameters().get(parameter.getName());
                if (example != null) {
                    parameter.setExample(example);
                }
            });
        }
        if (entry.status() != null && entry.status() != 200 && operation.getResponses() != null
                && operation.getResponses().containsKey("200")) {
            ApiResponse ok = operation.getResponses().remove("200");
            operation.getResponses().addApiResponse(String.valueOf(entry.status()), ok
                    .description(HttpStatus.valueOf(entry.status()).getReasonPhrase())
                    .content(entry.status() == 204 ? null : ok.getContent()));
        }
        if (entry.request() != null && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (entry.requestType() == null || entry.requestType().equals(type)) {
                    media.addExamples("example", new Example().value(entry.request()));
                }
            });
        }
        if (entry.response() != null && operation.getResponses() != null) {
            String status = String.valueOf(entry.status() == null ? 200 : entry.status());
            ApiResponse success = operation.getResponses().get(status);
            if (success == null) {
                ApiResponse first = operation.getResponses().entrySet().stream()
                        .filter(e -> e.getKey().startsWith("2")).map(Map.Entry::getValue).findFirst().orElse(null);
                success = new ApiResponse().description(HttpStatus.valueOf(Integer.parseInt(status)).getReasonPhrase())
                        .content(first == null ? null : first.getContent());
                operation.getResponses().addApiResponse(status, success);
            }
            if (success.getContent() == null) {
                success.setContent(new Content().addMediaType(entry.responseType() == null ? "application/json"
                        : entry.responseType(), new MediaType()));
            }
            success.getContent().forEach((type, media) -> {
                if (entry.responseType() == null || entry.responseType().equals(type)) {
                    media.addExamples("example", new Example().value(entry.response()));
                }
            });
        }
    }

    /** The problems an operation may answer with, each as a problem detail with an example. */
    private static void problems(String path, PathItem.HttpMethod method, Operation operation, Documented entry) {
        var statuses = new TreeSet<Integer>();
        boolean employee = path.startsWith("/api/chat/");
        boolean hasBody = operation.getRequestBody() != null;
        // a path's text (a link token, a name) finds something or nothing (404); a query, a header or a typed path
        // parameter may be malformed
        boolean hasCheckedParameters = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> !"path".equals(parameter.getIn()) || parameter.getSchema() == null
                        || !"string".equals(parameter.getSchema().getType()) || parameter.getSchema().getFormat() != null);
        if (hasBody || hasCheckedParameters) {
            statuses.add(400);
        }
        if (employee) {
            statuses.addAll(List.of(404, 410, 429));
        } else {
            statuses.add(401);
            if (!path.startsWith("/api/hooks/")) {
                statuses.add(403);
            }
        }
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (method != PathItem.HttpMethod.GET) {
            statuses.add(409);
        }
        if (hasBody) {
            statuses.add(413);
        }
        if (entry != null && entry.problems() != null) {
            statuses.addAll(entry.problems());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        // springdoc reads the one exception handler's methods as responses of every operation; the rules above say
        // which apply where
        responses.keySet().removeIf(code -> !code.startsWith("2") && !statuses.contains(Integer.parseInt(code)));
        for (int status : statuses) {
            HttpStatus http = HttpStatus.valueOf(status);
            responses.addApiResponse(String.valueOf(status), new ApiResponse().description(http.getReasonPhrase())
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                            .addExamples("problem", new Example().value(problemExample(http, path))))));
        }
    }

    private static Map<String, Object> problemExample(HttpStatus status, String path) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", switch (status) {
            case BAD_REQUEST -> "Invalid input";
            case UNAUTHORIZED -> "Authentication required";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case GONE -> "Link expired";
            case PAYLOAD_TOO_LARGE -> "Request too large";
            case TOO_MANY_REQUESTS -> "Too many requests";
            case SERVICE_UNAVAILABLE -> "Unavailable";
            default -> status.getReasonPhrase();
        });
        problem.put("status", status.value());
        problem.put("detail", switch (status) {
            case BAD_REQUEST -> "email must be a well-formed email address";
            case UNAUTHORIZED -> "Log in with an HR user (HTTP Basic, the same user as in Camunda Tasklist), or send "
                    + "an API key (X-API-Key) or a bearer token.";
            case FORBIDDEN -> "This needs a user in the group 'hr', or an API key or token whose scopes cover this "
                    + "call.";
            case NOT_FOUND -> "Nothing is known under this id or link.";
            case CONFLICT -> "The resource is in a state that refuses this request.";
            case GONE -> "This interview's link has expired.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than allowed.";
            case TOO_MANY_REQUESTS -> "Too many requests; try again in a minute.";
            case SERVICE_UNAVAILABLE -> "The LLM does not answer now; try again later.";
            default -> status.getReasonPhrase();
        });
        problem.put("instance", path);
        if (status == HttpStatus.BAD_REQUEST) {
            problem.put("errors", List.of(Map.of("field", "email", "message", "must be a well-formed email address")));
        }
        return problem;
    }

    private static Schema<?> problemSchema() {
        var fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, as a dotted path"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An RFC 7807 problem detail (application/problem+json)")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("validation errors, one per field (400 only)"));
    }

    /** SnakeYAML rather than Jackson's YAML, for the anchors and merge keys that let examples share parts. */
    static Map<String, Documented> read(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource(EXAMPLES).getInputStream()) {
            Map<String, Object> entries = new Yaml().load(in);
            return new TreeMap<>(objectMapper.convertValue(entries, new TypeReference<Map<String, Documented>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + EXAMPLES, e);
        }
    }
}
