package org.exitbot.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures for scripts: the same filters, the same k-anonymity. */
@RestController
@Validated
@RequestMapping("/api/reports")
class ReportController {

    private final ReportService reports;
    private final ProcessAnalytics process;
    private final ObjectMapper objectMapper;

    ReportController(ReportService reports, ProcessAnalytics process, ObjectMapper objectMapper) {
        this.reports = reports;
        this.process = process;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/summary")
    ReportSummary summary(@ModelAttribute(ReportFilterBinding.FILTER) ReportFilter filter) {
        return reports.summary(filter);
    }

    @GetMapping("/process")
    ProcessKpis process(@ModelAttribute(ReportFilterBinding.FILTER) ReportFilter filter) {
        return process.kpis(filter);
    }

    /**
     * What a dashboard page shows, as a file: {@code view=interviews} the list (attributed interviews only),
     * {@code view=summary} the overview.
     */
    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "csv") @Pattern(regexp = "csv|json", message = "must be csv or json") String format,
            @RequestParam(defaultValue = "interviews") @Pattern(regexp = "interviews|summary",
                    message = "must be interviews or summary") String view,
            @ModelAttribute(ReportFilterBinding.FILTER) ReportFilter filter, HttpServletResponse response)
            throws IOException {
        boolean csv = format.equals("csv");
        response.setContentType(csv ? "text/csv;charset=UTF-8" : MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("exitbot-" + view + "-" + LocalDate.now() + "." + format).build().toString());
        if (view.equals("interviews")) {
            List<InterviewFact> rows = reports.listing(filter).rows();
            if (csv) {
                ReportExport.interviews(rows, response.getWriter());
            } else {
                objectMapper.writeValue(response.getOutputStream(), rows);
            }
        } else {
            ReportSummary summary = reports.summary(filter);
            if (csv) {
                ReportExport.summary(summary, response.getWriter());
            } else {
                objectMapper.writeValue(response.getOutputStream(), summary);
            }
        }
    }
}
