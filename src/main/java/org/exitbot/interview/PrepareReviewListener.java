package org.exitbot.interview;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.AnalysisView;
import org.exitbot.analysis.Reanalysis;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts what {@code forms/hr-review.form} shows onto the review task as task-local variables: the summary,
 * sentiment, themes with quotes, the transcript and the flags HR must see, and the date the review is due. A
 * re-analysis while the review is open refreshes them.
 */
@Component
class PrepareReviewListener implements TaskListener {

    private final InterviewRepository interviews;
    private final AnalysisService analyses;
    private final TranscriptVariables transcriptVariables;
    private final TaskService taskService;
    private final InterviewProperties properties;
    private final Clock clock;

    PrepareReviewListener(InterviewRepository interviews, AnalysisService analyses,
            TranscriptVariables transcriptVariables, TaskService taskService, InterviewProperties properties,
            Clock clock) {
        this.interviews = interviews;
        this.analyses = analyses;
        this.transcriptVariables = transcriptVariables;
        this.taskService = taskService;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Interview interview = interviews.findById(ExitInterviewProcess.interviewId(task)).orElseThrow();
        task.setVariablesLocal(variables(interview));
        task.setDescription("Exit interview, " + interview.getDepartment() + ", last day " + interview.getLastWorkingDay());
        task.setDueDate(Date.from(clock.instant().plus(properties.reviewWithin())));
    }

    @EventListener
    void refresh(Reanalysis.Done reanalysed) {
        Interview interview = interviews.findById(reanalysed.interviewId()).orElseThrow();
        if (interview.getProcessInstanceId() == null) {
            return;
        }
        taskService.createTaskQuery().processInstanceId(interview.getProcessInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK).list()
                .forEach(task -> taskService.setVariablesLocal(task.getId(), variables(interview)));
    }

    private Map<String, Object> variables(Interview interview) {
        var id = interview.getId();
        AnalysisView analysis = analyses.current(id).orElse(null);
        boolean anonymous = interview.getVisibility() == Visibility.ANONYMOUS;
        UnaryOperator<String> shownToHr = HrView.of(interview);
        var variables = new HashMap<String, Object>();
        variables.put("employee", anonymous ? "Anonymous (the employee chose not to be named)"
                : interview.getName() + " (" + interview.getEmployeeId() + ")");
        variables.put("department", interview.getDepartment());
        variables.put("lastWorkingDay", interview.getLastWorkingDay().toString());
        variables.put("interviewStatus", interview.getStatus().code());
        variables.put("flags", shownToHr.apply(String.join(" · ", flags(interview, analysis))));
        variables.put("summary", analysis == null ? "" : shownToHr.apply(analysis.summary()));
        variables.put("sentiment", analysis == null ? "" : sentiment(analysis));
        variables.put("mainReason", analysis == null || analysis.mainReason() == null ? ""
                : analysis.mainReason().code().replace('_', ' '));
        variables.put("themes", transcriptVariables.json(analysis == null ? List.of() : analysis.themes().stream()
                .map(t -> Map.of("theme", t.theme().code().replace('_', ' '), "quote", shownToHr.apply(t.quote())))
                .toList()));
        variables.put("transcript", transcriptVariables.transcript(interview));
        return variables;
    }

    private static List<String> flags(Interview interview, AnalysisView analysis) {
        var flags = new ArrayList<String>();
        if (interview.isLlmFallback()) {
            flags.add("LLM fallback used during the interview: no follow-up questions after the failure");
        }
        if (analysis != null && analysis.fallback()) {
            flags.add("LLM fallback used for the analysis: re-run it once the LLM is back");
        }
        if (analysis != null) {
            flags.addAll(analysis.flags());
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
