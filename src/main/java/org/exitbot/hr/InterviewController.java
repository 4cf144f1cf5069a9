package org.exitbot.hr;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFilter;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.NewInterview;
import org.exitbot.security.TranscriptRead.Channel;
import org.exitbot.security.TranscriptReads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
@RequestMapping("/api/interviews")
class InterviewController {

    private final ExitInterviews exitInterviews;
    private final InterviewService interviews;
    private final InterviewDetailsService details;
    private final LeaverImport leaverImport;
    private final TranscriptReads transcriptReads;

    InterviewController(ExitInterviews exitInterviews, InterviewService interviews, InterviewDetailsService details,
            LeaverImport leaverImport, TranscriptReads transcriptReads) {
        this.exitInterviews = exitInterviews;
        this.interviews = interviews;
        this.details = details;
        this.leaverImport = leaverImport;
        this.transcriptReads = transcriptReads;
    }

    @PostMapping
    ResponseEntity<InterviewView> start(@Valid @RequestBody NewInterview request, Principal hrUser) {
        InterviewView started = exitInterviews.start(request, hrUser.getName());
        return ResponseEntity.created(URI.create("/api/interviews/" + started.id())).body(started);
    }

    /** A CSV of upcoming leavers as the request body: every valid row is started, every other one reported. */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    LeaverImport.Report importCsv(@RequestBody byte[] csv, Principal hrUser) {
        return leaverImport.run(utf8(csv), hrUser.getName());
    }

    /** The same CSV as the form field {@code file}, as the dashboard uploads it. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LeaverImport.Report importCsvFile(@RequestParam("file") MultipartFile file, Principal hrUser) throws IOException {
        return leaverImport.run(utf8(file.getBytes()), hrUser.getName());
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
    InterviewDetails get(@PathVariable UUID id, Principal reader) {
        InterviewDetails shown = details.details(id);
        transcriptReads.record(id, reader.getName(), Channel.API);
        return shown;
    }

    private static Reader utf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
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
