package org.exitbot.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.exitbot.conversation.ExitInterviewProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, as a 400 before Camunda sees it, a write through Camunda's REST APIs ({@code /engine-rest} and the
 * webapps' engine API, which Tasklist and Cockpit use) that names a variable only the app sets: in a request body's
 * variables (a task's completion, form or BPMN error, a start, a message, a modification, a batch), among its
 * deletions, or as the path's variable. So a user who may complete a task cannot move the process on by setting
 * what it reads ({@code questionNumber}, {@code interviewId}, ...). The app itself sets them through the Java API.
 */
@Component
class CamundaVariableWrites extends OncePerRequestFilter {

    private static final Pattern PATH_VARIABLE = Pattern.compile("/(?:variables|localVariables)/([^/]+)(?:/data)?/?$");
    private static final Pattern START = Pattern.compile(
            "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)/?$");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Map<String, Set<String>> byProcess;
    private final Set<String> all;
    private final ObjectMapper json;
    private final ProblemResponses problems;

    CamundaVariableWrites(ObjectProvider<HrTasklistProcess> processes, ObjectMapper json, ProblemResponses problems) {
        this.byProcess = Stream.concat(Stream.of(Map.entry(ExitInterviewProcess.KEY, ExitInterviewProcess.APP_VARIABLES)),
                        processes.orderedStream().map(p -> Map.entry(p.processDefinitionKey(), p.appVariables())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.all = byProcess.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Set<String> protectedNames = protectedNames(path);
        var named = new HashSet<String>();
        Matcher variable = PATH_VARIABLE.matcher(path);
        if (variable.find()) {
            named.add(URLDecoder.decode(variable.group(1), StandardCharsets.UTF_8));
        }
        HttpServletRequest forward = request;
        if (isJson(request)) {
            var buffered = request instanceof BufferedBodyRequest read ? read
                    : new BufferedBodyRequest(request, request.getInputStream().readAllBytes());
            forward = buffered;
            try {
                collectVariableNames(json.readTree(buffered.body()), named);
            } catch (JsonProcessingException e) {
                // not JSON after all: Camunda answers it itself
            }
        }
        named.retainAll(protectedNames);
        if (!named.isEmpty()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Variable set by the app", String.join(", ",
                    new TreeSet<>(named)) + (named.size() == 1 ? " is" : " are")
                    + " set by ExitBot itself and cannot be set or removed through Camunda's REST API.");
            return;
        }
        chain.doFilter(forward, response);
    }

    /** A start sets the started process's variables; anything else may reach any process HR works in. */
    private Set<String> protectedNames(String path) {
        Matcher start = START.matcher(path);
        if (!start.find()) {
            return all;
        }
        String key = start.group(1) != null ? start.group(1) : start.group(2).split(":")[0];
        return byProcess.getOrDefault(URLDecoder.decode(key, StandardCharsets.UTF_8), Set.of());
    }

    /**
     * The names of every variable map in the body ({@code variables}, {@code localVariables},
     * {@code processVariables}, {@code modifications}, ..., at any depth) and of its {@code deletions}. Query
     * bodies name variables in lists of conditions, not in maps, and are left alone.
     */
    private static void collectVariableNames(JsonNode node, Set<String> names) {
        if (node.isArray()) {
            node.forEach(element -> collectVariableNames(element, names));
            return;
        }
        node.fields().forEachRemaining(field -> {
            String key = field.getKey().toLowerCase(Locale.ROOT);
            JsonNode value = field.getValue();
            if (value.isObject() && (key.contains("variables") || key.equals("modifications"))) {
                value.fieldNames().forEachRemaining(names::add);
            } else if (value.isArray() && key.equals("deletions")) {
                value.forEach(name -> names.add(name.asText()));
            }
            if (value.isContainerNode()) {
                collectVariableNames(value, names);
            }
        });
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        try {
            return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
