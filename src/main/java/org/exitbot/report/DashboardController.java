package org.exitbot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.exitbot.hr.InterviewDetailsService;
import org.exitbot.interview.Visibility;
import org.exitbot.security.TranscriptRead.Channel;
import org.exitbot.security.TranscriptReads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The HR dashboard's pages: overview, interviews with drill-down, anonymous comments, and the process. */
@Controller
class DashboardController {

    private final ReportService reports;
    private final ProcessAnalytics process;
    private final InterviewDetailsService interviews;
    private final TranscriptReads transcriptReads;
    private final AnonymousCommentsReport anonymousComments;
    private final ObjectMapper objectMapper;

    DashboardController(ReportService reports, ProcessAnalytics process, InterviewDetailsService interviews,
            TranscriptReads transcriptReads, AnonymousCommentsReport anonymousComments, ObjectMapper objectMapper) {
        this.reports = reports;
        this.process = process;
        this.interviews = interviews;
        this.transcriptReads = transcriptReads;
        this.anonymousComments = anonymousComments;
        this.objectMapper = objectMapper;
    }

    @GetMapping({"/hr", "/hr/"})
    String overview(@ModelAttribute(ReportFilterBinding.FILTER) ReportFilter filter, Model model) {
        ReportSummary summary = reports.summary(filter);
        model.addAttribute("summary", summary);
        model.addAttribute("departments", reports.departments());
        model.addAttribute("monthChart", chart("line", "Average sentiment", summary.sentimentByMonth(),
                g -> g.interviews().group(), ReportSummary.SentimentGroup::averageScore));
        model.addAttribute("departmentChart", chart("bar", "Average sentiment", summary.sentimentByDepartment(),
                g -> g.interviews().group(), ReportSummary.SentimentGroup::averageScore));
        model.addAttribute("themeChart", chart("bar", "Interviews", summary.topThemes(),
                g -> g.group().replace('_', ' '), g -> g.count()));
        model.addAttribute("reasonChart", chart("bar", "Interviews", summary.reasons(),
                g -> g.group().replace('_', ' '), g -> g.count()));
        return "hr/overview";
    }

    @GetMapping("/hr/interviews")
    String interviews(@ModelAttribute(ReportFilterBinding.FILTER) ReportFilter filter, Model model) {
        var listing = reports.listing(filter);
        model.addAttribute("rows", listing.rows());
        model.addAttribute("anonymous", listing.anonymous());
        model.addAttribute("departments", reports.departments());
        return "hr/interviews";
    }

    @GetMapping("/hr/interviews/{id}")
    String interview(@PathVariable UUID id, Model model, Principal reader) {
        var details = interviews.details(id);
        transcriptReads.record(id, reader.getName(), Channel.DASHBOARD);
        model.addAttribute("details", details);
        model.addAttribute("anonymous", details.interview().visibility() == Visibility.ANONYMOUS);
        return "hr/interview";
    }

    @GetMapping("/hr/anonymous-comments")
    String anonymousComments(@RequestParam(required = false) String department, Model model) {
        model.addAttribute("report", anonymousComments.report(department));
        return "hr/anonymous-comments";
    }

    @GetMapping("/hr/process")
    String process(@ModelAttribute(ReportFilterBinding.FILTER) ReportFilter filter, Model model) {
        ProcessKpis kpis = process.kpis(filter);
        model.addAttribute("kpis", kpis);
        model.addAttribute("departments", reports.departments());
        model.addAttribute("funnelChart", chart("bar", "Interviews", kpis.funnel(), GroupCount::group,
                GroupCount::count));
        model.addAttribute("dropoutChart", chart("bar", "Interviews", kpis.dropoutByQuestion(), GroupCount::group,
                GroupCount::count));
        return "hr/process";
    }

    /** A chart's data for {@code charts.js}; a suppressed group is a gap, its label says "fewer than k". */
    private <T> String chart(String type, String label, List<T> groups, Function<T, String> name,
            Function<T, Number> value) {
        var labels = new ArrayList<String>();
        var values = new ArrayList<Number>();
        for (T group : groups) {
            Number v = value.apply(group);
            labels.add(name.apply(group) + (v == null ? " (fewer than " + reports.minGroupSize() + ")" : ""));
            values.add(v);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("label", label);
        chart.put("labels", labels);
        chart.put("values", values);
        try {
            return objectMapper.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
