package org.exitbot.interview;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/interviews")
class InterviewController {

    private final InterviewService interviews;

    InterviewController(InterviewService interviews) {
        this.interviews = interviews;
    }

    @PostMapping
    ResponseEntity<InterviewView> start(@Valid @RequestBody NewInterview request, Principal hrUser) {
        InterviewView started = interviews.start(request, hrUser.getName());
        return ResponseEntity.created(URI.create("/api/interviews/" + started.id())).body(started);
    }

    @GetMapping
    List<InterviewView> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        return interviews.list(new InterviewFilter(status == null ? null : statusOf(status), department, from, to), limit);
    }

    @GetMapping("/{id}")
    InterviewDetails get(@PathVariable UUID id) {
        return interviews.details(id);
    }

    private static InterviewStatus statusOf(String code) {
        try {
            return InterviewStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new org.exitbot.system.InvalidInputException("status",
                    "must be one of invited, in_progress, completed, stopped, expired, closed");
        }
    }
}
