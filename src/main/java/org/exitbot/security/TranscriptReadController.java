package org.exitbot.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HR reads the audit log of transcript reads, of one interview or of all. */
@RestController
@Validated
class TranscriptReadController {

    private final TranscriptReads reads;

    TranscriptReadController(TranscriptReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/audit/transcript-reads")
    List<TranscriptRead> list(@RequestParam(required = false) UUID interviewId,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        return reads.list(interviewId, limit);
    }
}
