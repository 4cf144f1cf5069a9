package org.exitbot.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
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
 * Logs each transcript that Camunda's REST APIs (the webapps' engine API, which Tasklist's forms use, and
 * {@code /engine-rest}) hand to a logged-in user: the variable {@value #VARIABLE} of an interview's task, whichever
 * resource it came in: a task's form variables or variables, one variable, a variable-instance query. It runs
 * after Camunda authenticated the caller and looks only at successful JSON answers of resources about variables.
 * Registered in {@link SecurityConfiguration}.
 */
@Component
class CamundaTranscriptReads extends OncePerRequestFilter {

    static final String VARIABLE = "transcript";
    private static final Pattern OWNER = Pattern.compile("/(task|process-instance|execution)/([^/]+)/");

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
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().toLowerCase(Locale.ROOT).contains("variable");
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

    /** The process instances whose transcript the answer holds. */
    private Set<String> processInstancesShown(String path, JsonNode body) {
        var shown = new LinkedHashSet<String>();
        if (body.isArray()) {
            body.forEach(variable -> addIfTranscript(variable, shown));
        } else if (body.has(VARIABLE) || path.endsWith("/" + VARIABLE)) {
            // a map of variables by name, or one variable by name, of the task, instance or execution in the path
            String owner = ownerInstance(path);
            if (owner != null) {
                shown.add(owner);
            }
        } else {
            addIfTranscript(body, shown);
        }
        return shown;
    }

    private static void addIfTranscript(JsonNode variable, Set<String> shown) {
        if (VARIABLE.equals(variable.path("name").asText()) && variable.hasNonNull("processInstanceId")) {
            shown.add(variable.get("processInstanceId").asText());
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
