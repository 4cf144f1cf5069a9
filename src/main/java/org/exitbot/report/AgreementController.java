package org.exitbot.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How far to trust the analysis, measured on HR's corrections, and those corrections as a labelled set. */
@RestController
class AgreementController {

    static final String NDJSON = "application/x-ndjson";

    private final AgreementReport agreement;
    private final CorrectionExport export;
    private final ObjectMapper objectMapper;

    AgreementController(AgreementReport agreement, CorrectionExport export, ObjectMapper objectMapper) {
        this.agreement = agreement;
        this.export = export;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/api/reports/agreement")
    AgreementReport.Agreement agreement() {
        return agreement.report();
    }

    /** One JSON object a line, as {@code exit-answers.jsonl}; recorded as a transcript read of each interview. */
    @GetMapping(value = "/api/corrections/export", produces = NDJSON)
    void export(Principal reader, HttpServletResponse response) throws IOException {
        var lines = export.export(reader.getName());
        response.setContentType(NDJSON + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("exitbot-corrected-answers-" + LocalDate.now() + ".jsonl").build().toString());
        Writer out = response.getWriter();
        for (var line : lines) {
            out.write(objectMapper.writeValueAsString(line));
            out.write('\n');
        }
        out.flush();
    }
}
