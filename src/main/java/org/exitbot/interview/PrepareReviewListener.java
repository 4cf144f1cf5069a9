package org.exitbot.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.AnalysisView;
import org.springframework.stereotype.Component;

/**
 * Puts what {@code forms/hr-review.form} shows onto the review task as task-local variables: the summary,
 * sentiment, themes with quotes, the transcript and the flags HR must see.
 */
@Component
class PrepareReviewListener implements TaskListener {

    private final InterviewRepository interviews;
    private final AnalysisService analyses;
    private final TranscriptVariables variables;

    PrepareReviewListener(InterviewRepository interviews, AnalysisService analyses, TranscriptVariables variables) {
        this.interviews = interviews;
        this.analyses = analyses;
        this.variables = variables;
    }

    @Override
    public void notify(DelegateTask task) {
        var id = ExitInterviewProcess.interviewId(task);
        Interview interview = interviews.findById(id).orElseThrow();
        AnalysisView analysis = analyses.current(id).orElse(null);
        boolean anonymous = interview.getVisibility() == Visibility.ANONYMOUS;
        task.setVariableLocal("employee", anonymous ? "Anonymous (the employee chose not to be named)"
                : interview.getName() + " (" + interview.getEmployeeId() + ")");
        task.setVariableLocal("department", interview.getDepartment());
        task.setVariableLocal("lastWorkingDay", interview.getLastWorkingDay().toString());
        task.setVariableLocal("interviewStatus", interview.getStatus().code());
        task.setVariableLocal("flags", String.join(" · ", flags(interview, analysis)));
        task.setVariableLocal("summary", analysis == null ? "" : analysis.summary());
        task.setVariableLocal("sentiment", analysis == null ? "" : sentiment(analysis));
        task.setVariableLocal("mainReason", analysis == null || analysis.mainReason() == null ? ""
                : analysis.mainReason().code().replace('_', ' '));
        task.setVariableLocal("themes", variables.json(analysis == null ? List.of() : analysis.themes().stream()
                .map(t -> Map.of("theme", t.theme().code().replace('_', ' '), "quote", t.quote()))
                .toList()));
        task.setVariableLocal("transcript", variables.transcript(id));
        task.setDescription("Exit interview, " + interview.getDepartment() + ", last day " + interview.getLastWorkingDay());
    }

    private static List<String> flags(Interview interview, AnalysisView analysis) {
        var flags = new ArrayList<String>();
        if (interview.isLlmFallback() || analysis != null && analysis.fallback()) {
            flags.add("LLM fallback used: no follow-ups after the failure, analysis by the fallback");
        }
        if (interview.getStatus() != InterviewStatus.COMPLETED) {
            flags.add("Interview incomplete");
        }
        if (interview.getStatus() == InterviewStatus.EXPIRED) {
            flags.add("Interview expired before the employee finished");
        }
        return flags;
    }

    private static String sentiment(AnalysisView analysis) {
        return analysis.score() == null ? analysis.sentiment().code()
                : String.format(Locale.ROOT, "%s (%+.2f)", analysis.sentiment().code(), analysis.score());
    }
}
