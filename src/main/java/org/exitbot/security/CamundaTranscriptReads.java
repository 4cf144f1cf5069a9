package org.exitbot.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.security.TranscriptRead.Channel;
import org.exitbot.system.EngineAsApp;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Logs each interview whose words Camunda's REST APIs (the webapps' engine API, which Tasklist's forms use, and
 * {@code /engine-rest}) hand to a logged-in user: any of the review task's {@link #AUDITED} variables, by what the
 * answer holds rather than by the resource asked: a task's form variables or variables, one variable, a variable
 * query, a task or task query with its variables in return. It runs after Camunda authenticated the caller and
 * reads every successful JSON answer. Registered in {@link SecurityConfiguration}.
 */
@Component
class CamundaTranscriptReads extends OncePerRequestFilter {

    /** The variables that carry the employee's words or what the analysis made of them. */
    static final Set<String> AUDITED = Set.of("transcript", "summary", "themes", "flags");
    private static final String PROCESS_INSTANCE_ID = "processInstanceId";
    private static final Pattern OWNER = Pattern.compile("/(task|process-instance|execution)/([^/?]+)");
    private static final Pattern ONE_VARIABLE = Pattern.compile("/(?:variables|localVariables)/([^/?]+)(?:/data)?$");

    private final IdentityService identityService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final InterviewRepository interviews;
    private final TranscriptReads reads;
    private final EngineAsApp engineAsApp;
    private final ObjectMapper objectMapper;

    CamundaTranscriptReads(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
            InterviewRepository interviews, TranscriptReads reads, EngineAsApp engineAsApp,
            ObjectMapper objectMapper) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.interviews = interviews;
        this.reads = reads;
        this.engineAsApp = engineAsApp;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            var user = identityService.getCurrentAuthentication();
            if (user != null && answer.getStatus() / 100 == 2 && isJson(answer.getContentType())) {
                JsonNode body = objectMapper.readTree(answer.getContentAsByteArray());
                Channel channel = request.getRequestURI().startsWith("/engine-rest/") ? Channel.ENGINE_REST
                        : Channel.CAMUNDA_WEBAPP;
                engineAsApp.call(() -> interviewsShown(request.getRequestURI(), body))
                        .forEach(interviewId -> reads.record(interviewId, user.getUserId(), channel));
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    private Set<UUID> interviewsShown(String path, JsonNode body) {
        var shown = new LinkedHashSet<UUID>();
        for (String processInstanceId : processInstancesShown(path, body)) {
            interviews.findByProcessInstanceId(processInstanceId).map(Interview::getId).ifPresent(shown::add);
        }
        return shown;
    }

    /** The process instances whose audited variables the answer holds. */
    private Set<String> processInstancesShown(String path, JsonNode body) {
        var shown = new LinkedHashSet<String>();
        Matcher variable = ONE_VARIABLE.matcher(path);
        if (variable.find() && AUDITED.contains(variable.group(1))) {
            addOwner(path, null, shown);
        }
        collect(path, body, null, shown);
        return shown;
    }

    /**
     * Walks the answer: a variable with its name and process instance (a variable query), or a map of variables by
     * name (a task's variables, or those a task query returns with each task), whose process instance is that of
     * the nearest object around it that names one, else that of the path.
     */
    private void collect(String path, JsonNode node, String around, Set<String> shown) {
        if (node.isArray()) {
            node.forEach(element -> collect(path, element, around, shown));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String instance = node.hasNonNull(PROCESS_INSTANCE_ID) ? node.get(PROCESS_INSTANCE_ID).asText() : around;
        if (AUDITED.contains(node.path("name").asText()) && node.has("value") && instance != null) {
            shown.add(instance);
        }
        node.fields().forEachRemaining(field -> {
            if (AUDITED.contains(field.getKey()) && field.getValue().isObject() && field.getValue().has("value")) {
                addOwner(path, instance, shown);
            }
            collect(path, field.getValue(), instance, shown);
        });
    }

    private void addOwner(String path, String around, Set<String> shown) {
        String owner = around != null ? around : ownerInstance(path);
        if (owner != null) {
            shown.add(owner);
        }
    }

    private String ownerInstance(String path) {
        Matcher owner = OWNER.matcher(path);
        if (!owner.find()) {
            return null;
        }
        String id = owner.group(2);
        return switch (owner.group(1)) {
            case "task" -> {
                var task = taskService.createTaskQuery().taskId(id).singleResult();
                yield task == null ? null : task.getProcessInstanceId();
            }
            case "execution" -> {
                var execution = runtimeService.createExecutionQuery().executionId(id).singleResult();
                yield execution == null ? null : execution.getProcessInstanceId();
            }
            default -> id;
        };
    }

    private static boolean isJson(String contentType) {
        return contentType != null && MediaType.parseMediaType(contentType).getSubtype().endsWith("json");
    }
}
