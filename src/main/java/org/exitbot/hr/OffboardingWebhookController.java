package org.exitbot.hr;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.NewInterview;
import org.exitbot.interview.WebhookReceipts;
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
 * An HR system announces a leaver with the body of {@code POST /api/interviews}, signed with a timestamp and a
 * delivery id. A delivery is taken once (a repeat is 409); the first one for a leaver starts the interview (201),
 * a later one answers 200 with it, or 409 once that interview has been erased.
 */
@RestController
class OffboardingWebhookController {

    private final WebhookSignature signature;
    private final OffboardingIntake intake;
    private final InterviewService interviews;
    private final ObjectMapper objectMapper;

    OffboardingWebhookController(WebhookSignature signature, OffboardingIntake intake, InterviewService interviews,
            ObjectMapper objectMapper) {
        this.signature = signature;
        this.intake = intake;
        this.interviews = interviews;
        this.objectMapper = objectMapper;
    }

    @PostMapping(path = "/api/hooks/offboarding", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InterviewView> offboarding(@RequestBody byte[] body,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String signed,
            @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = WebhookSignature.DELIVERY_HEADER, required = false) String delivery,
            HttpServletRequest httpRequest) {
        signature.verify(body, signed, timestamp, delivery);
        NewInterview request = parse(body, httpRequest);
        OffboardingIntake.Outcome outcome;
        try {
            outcome = intake.receive(delivery, request);
        } catch (WebhookReceipts.DeliveryRepeated e) {
            throw new ConflictException(e.title(),
                    "This delivery (" + WebhookSignature.DELIVERY_HEADER + ") was already received; it is taken once.");
        } catch (ConflictException e) {
            // two deliveries for the same leaver at once: the other one started it
            if (request.employeeId() != null && request.lastWorkingDay() != null) {
                var raced = interviews.findStarted(request.employeeId(), request.lastWorkingDay());
                if (raced.isPresent()) {
                    return ResponseEntity.ok(raced.get());
                }
            }
            throw e;
        }
        if (outcome instanceof OffboardingIntake.Outcome.Started started) {
            return ResponseEntity.created(URI.create("/api/interviews/" + started.interview().id()))
                    .body(started.interview());
        }
        if (outcome instanceof OffboardingIntake.Outcome.AlreadyStarted known) {
            return ResponseEntity.ok(known.interview());
        }
        throw new ConflictException("Interview started before", "An interview for this employee and last working day "
                + "was started already and has since been erased or anonymised; it is not started again.");
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
