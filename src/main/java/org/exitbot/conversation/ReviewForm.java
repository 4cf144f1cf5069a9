package org.exitbot.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.analysis.EmployeeSummaries;
import org.exitbot.analysis.PastAnalysis;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Visibility;
import org.exitbot.system.FormMarkdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code forms/hr-review.form} shows on the review task, as task-local variables: the summary, sentiment,
 * themes with quotes, the transcript and the flags HR must see; and when the review is due. Only a named
 * interview has a review task (see {@link ReviewRoute}).
 */
@Service
class ReviewForm {

    private final InterviewRepository interviews;
    private final AnalysisService analyses;
    private final TranscriptVariables transcriptVariables;
    private final CorrectionForm correctionForm;
    private final InterviewProperties properties;
    private final EmployeeSummaries summaries;
    private final Clock clock;

    ReviewForm(InterviewRepository interviews, AnalysisService analyses, TranscriptVariables transcriptVariables,
            CorrectionForm correctionForm, InterviewProperties properties, EmployeeSummaries summaries, Clock clock) {
        this.interviews = interviews;
        this.analyses = analyses;
        this.summaries = summaries;
        this.transcriptVariables = transcriptVariables;
        this.correctionForm = correctionForm;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new review task's variables, description and due date. */
    record Task(Map<String, Object> variables, String description, Date dueDate) {
    }

    @Transactional(readOnly = true)
    Task newTask(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        return new Task(variables(interview),
                "Exit interview, " + interview.getDepartment() + ", last day " + interview.getLastWorkingDay(),
                Date.from(clock.instant().plus(properties.reviewWithin())));
    }

    /** The variables again, e.g. after a re-analysis. */
    @Transactional(readOnly = true)
    Map<String, Object> variables(UUID interviewId) {
        return variables(interviews.findById(interviewId).orElseThrow());
    }

    private static final List<String> MARKDOWN = List.of("employee", "department", "lastWorkingDay", "interviewStatus",
            "flags", "summary", "sentiment", "mainReason", "employeeCheck");

    private Map<String, Object> variables(Interview interview) {
        if (interview.getVisibility() == Visibility.ANONYMOUS) {
            throw new IllegalStateException("Interview " + interview.getId() + " is anonymous: HR does not review it");
        }
        AnalysisView analysis = analyses.current(interview.getId()).orElse(null);
        var variables = new HashMap<String, Object>();
        variables.put("employee", interview.getName() + " (" + interview.getEmployeeId() + ")");
        variables.put("department", interview.getDepartment());
        variables.put("lastWorkingDay", interview.getLastWorkingDay().toString());
        variables.put("interviewStatus", interview.getStatus().code());
        int scriptedFollowUps = transcriptVariables.scriptedFollowUps(interview.getId());
        variables.put("flags", String.join(" · ", flags(interview.getStatus(), interview.isLlmFallback(),
                scriptedFollowUps, interview.getFollowUpsOutOfTime(), analysis)));
        variables.put("summary", analysis == null ? "" : analysis.summary());
        variables.put("sentiment", analysis == null ? "" : sentiment(analysis));
        variables.put("mainReason", analysis == null || analysis.mainReason() == null ? ""
                : analysis.mainReason().code().replace('_', ' '));
        var checkByHand = correctionForm.checkByHand(analysis);
        variables.put("themes", transcriptVariables.json(analysis == null ? List.of() : analysis.themes().stream()
                .map(t -> Map.of("theme", t.theme().code().replace('_', ' '), "quote", t.quote(),
                        "check", checkByHand.contains(t.theme()) ? CorrectionForm.CHECK_MARK : ""))
                .toList()));
        variables.put("transcript", transcriptVariables.transcript(interview));
        variables.putAll(correctionForm.variables(interview.getId(), analysis, checkByHand));
        var check = summaries.of(interview.getId()).orElse(null);
        variables.put("employeeCheck", employeeCheck(check, analysis == null ? null : analysis.createdAt(),
                currentAnalysisId(interview)));
        variables.put("employeeCorrections", transcriptVariables.json(check == null ? List.of() : corrections(check)));
        // the form's text components render these as Markdown; its tables show their cells as text
        for (String shownAsMarkdown : MARKDOWN) {
            variables.computeIfPresent(shownAsMarkdown, (name, value) -> FormMarkdown.escape((String) value));
        }
        return variables;
    }

    private Long currentAnalysisId(Interview interview) {
        return analyses.history(interview.getId()).stream().findFirst().map(PastAnalysis::id).orElse(null);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Whether the employee confirmed the summary HR reads, and whether it is still the one they checked. */
    static String employeeCheck(EmployeeSummaries.Summary check, Instant analysedAt, Long currentAnalysisId) {
        if (check == null) {
            return "Not confirmed by the employee: the interview ended before they were shown its summary";
        }
        int changes = check.changed().size() + check.removedThemes().size();
        String corrections = changes == 0 ? "without changes"
                : "with " + changes + (changes == 1 ? " correction" : " corrections") + " (below)";
        String how = ConversationService.EMPLOYEE.equals(check.confirmedBy()) ? ""
                : " by phone (recorded by " + check.confirmedBy() + ")";
        String verdict = check.confirmed()
                ? "Confirmed by the employee" + how + " on " + WHEN.format(check.confirmedAt()) + ", " + corrections
                : "Not confirmed by the employee: the interview ended before they confirmed the summary"
                        + (changes == 0 ? "" : "; their corrections (below) are applied all the same");
        if (currentAnalysisId != null && !currentAnalysisId.equals(check.analysisId())) {
            verdict += ". The summary above is a later analysis (" + WHEN.format(analysedAt)
                    + ") that the employee has not seen";
        }
        return verdict;
    }

    private static List<Map<String, String>> corrections(EmployeeSummaries.Summary check) {
        var corrections = new ArrayList<Map<String, String>>();
        check.changed().forEach(statement -> corrections.add(correction(statement)));
        check.removedThemes().forEach(theme -> corrections.add(Map.of(
                "original", "Theme: " + theme.code().replace('_', ' '), "change", "removed", "corrected", "")));
        return corrections;
    }

    private static Map<String, String> correction(EmployeeSummaries.Statement statement) {
        return Map.of("original", statement.original(),
                "change", statement.removed() ? "removed" : "corrected",
                "corrected", statement.removed() ? "" : statement.text());
    }

    /** What HR must know before trusting the interview: fallbacks, turns out of time, the analysis' own flags, an early end. */
    static List<String> flags(InterviewStatus status, boolean llmFallbackDuringInterview, int scriptedFollowUps,
            int followUpsOutOfTime, AnalysisView analysis) {
        var flags = new ArrayList<String>();
        if (llmFallbackDuringInterview) {
            flags.add("LLM fallback used during the interview: after the failure the follow-ups were scripted ("
                    + scriptedFollowUps + " asked), marked [scripted] in the transcript");
        }
        if (followUpsOutOfTime > 0) {
            flags.add("The LLM was too slow for a follow-up " + followUpsOutOfTime
                    + (followUpsOutOfTime == 1 ? " time" : " times") + ": the interview moved on without one");
        }
        if (analysis != null && analysis.fallback()) {
            flags.add("LLM fallback used for the analysis: re-run it once the LLM is back");
        }
        if (analysis != null) {
            flags.addAll(analysis.flags());
        }
        if (status != InterviewStatus.COMPLETED) {
            flags.add("Interview incomplete");
        }
        if (status == InterviewStatus.EXPIRED) {
            flags.add("Interview expired before the employee finished");
        }
        return flags;
    }

    /** The label with its score, e.g. {@code negative (-0.40)}; the label alone when the score is unknown. */
    static String sentiment(AnalysisView analysis) {
        return analysis.score() == null ? analysis.sentiment().code()
                : String.format(Locale.ROOT, "%s (%+.2f)", analysis.sentiment().code(), analysis.score());
    }
}
