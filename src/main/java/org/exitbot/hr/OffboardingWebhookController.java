package org.exitbot.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.NewInterview;
import org.exitbot.security.WebhookSignature;
import org.exitbot.system.ConflictException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An HR system announces a leaver with the body of {@code POST /api/interviews}, signed. Idempotent on employee
 * and last working day: a repeated call answers 200 with the interview the first one started (201).
 */
@RestController
class OffboardingWebhookController {

    static final String WEBHOOK_USER = "webhook";

    private final WebhookSignature signature;
    private final ExitInterviews exitInterviews;
    private final InterviewService interviews;
    private final ObjectMapper objectMapper;

    OffboardingWebhookController(WebhookSignature signature, ExitInterviews exitInterviews,
            InterviewService interviews, ObjectMapper objectMapper) {
        this.signature = signature;
        this.exitInterviews = exitInterviews;
        this.interviews = interviews;
        this.objectMapper = objectMapper;
    }

    @PostMapping(path = "/api/hooks/offboarding", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InterviewView> offboarding(@RequestBody byte[] body,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String signed,
            HttpServletRequest httpRequest) {
        signature.verify(body, signed);
        NewInterview request = parse(body, httpRequest);
        if (request.employeeId() != null && request.lastWorkingDay() != null) {
            var known = interviews.findStarted(request.employeeId(), request.lastWorkingDay());
            if (known.isPresent()) {
                return ResponseEntity.ok(known.get());
            }
        }
        try {
            InterviewView started = exitInterviews.start(request, WEBHOOK_USER);
            return ResponseEntity.created(URI.create("/api/interviews/" + started.id())).body(started);
        } catch (ConflictException e) {
            // the same call delivered twice at once: the other delivery started it
            var raced = interviews.findStarted(request.employeeId(), request.lastWorkingDay());
            if (raced.isPresent()) {
                return ResponseEntity.ok(raced.get());
            }
            throw e;
        }
    }

    /** Parse errors become the same problems as on {@code POST /api/interviews}. */
    private NewInterview parse(byte[] body, HttpServletRequest request) {
        try {
            return objectMapper.readValue(body, NewInterview.class);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException("The body is not an interview", e,
                    new ServletServerHttpRequest(request));
        }
    }
}
