package org.exitbot.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.analysis.EmployeeSummaries;
import org.exitbot.analysis.Reanalysis;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.Transcripts;
import org.exitbot.interview.Visibility;
import org.exitbot.privacy.Redactor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes what the employee checks before finishing: the interview's analysis, with the LLM or without, and from it
 * the summary HR will read; for an anonymous interview, which HR never reads, the answers as the anonymous comments
 * will show them, redacted as they will be.
 */
@Service
class SummaryForEmployee {

    private final Reanalysis reanalysis;
    private final AnalysisService analyses;
    private final EmployeeSummaries summaries;
    private final InterviewRepository interviews;
    private final Transcripts transcripts;
    private final TaskService tasks;
    private final SummaryCheckForm form;

    SummaryForEmployee(Reanalysis reanalysis, AnalysisService analyses, EmployeeSummaries summaries,
            InterviewRepository interviews, Transcripts transcripts, TaskService tasks, SummaryCheckForm form) {
        this.reanalysis = reanalysis;
        this.analyses = analyses;
        this.summaries = summaries;
        this.interviews = interviews;
        this.transcripts = transcripts;
        this.tasks = tasks;
        this.form = form;
    }

    /** Stores what the LLM found and lays the summary before the employee. */
    @Transactional
    public void store(Reanalysis.Findings findings) {
        reanalysis.store(findings);
        prepare(findings.interviewId());
    }

    /** Analyses the interview with the fallback and lays its summary before the employee. */
    @Transactional
    public void withoutLlm(UUID interviewId) {
        analyses.analyseWithoutLlm(interviewId);
        prepare(interviewId);
    }

    @Transactional(readOnly = true)
    public Optional<SummaryToCheck> toCheck(UUID interviewId) {
        return summaries.of(interviewId).map(summary -> new SummaryToCheck(summary.kind().code(), summary.version(),
                summary.fallback(), summary.confirmed(),
                summary.statements().stream().map(s -> new SummaryToCheck.Statement(s.position(), s.text(),
                        s.removed(), s.corrected())).toList(),
                themes(summary, false), themes(summary, true)));
    }

    private static List<String> themes(EmployeeSummaries.Summary summary, boolean removed) {
        return summary.themes().stream().filter(t -> t.removed() == removed).map(t -> t.theme().code()).toList();
    }

    @Transactional
    public void correct(UUID interviewId, int position, String text, int version) {
        summaries.correct(interviewId, position, text, version, ConversationService.EMPLOYEE);
    }

    @Transactional
    public void remove(UUID interviewId, int position, int version) {
        summaries.remove(interviewId, position, version, ConversationService.EMPLOYEE);
    }

    /** @param removed false to put the theme back */
    @Transactional
    public void removeTheme(UUID interviewId, Theme theme, boolean removed, int version) {
        summaries.removeTheme(interviewId, theme, removed, version, ConversationService.EMPLOYEE);
    }

    /** Shows the summary as it is now on its Tasklist form, so that HR on the phone reads the employee's changes. */
    @Transactional
    public void showOn(String taskId, UUID interviewId) {
        tasks.setVariablesLocal(taskId, form.variables(interviewId));
    }

    @Transactional
    public void confirm(UUID interviewId, int version) {
        summaries.confirm(interviewId, version, ConversationService.EMPLOYEE);
    }

    private void prepare(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        if (interview.getVisibility() == Visibility.ANONYMOUS) {
            var redaction = Redactor.of(interview.knownNames());
            summaries.prepareComments(interviewId, transcripts.messages(interviewId).stream()
                    .filter(message -> message.getKind() == MessageKind.ANSWER)
                    .map(message -> new EmployeeSummaries.Comment(message.getId(), redaction.apply(message.getText())))
                    .toList());
        } else {
            summaries.prepareSummary(interviewId);
        }
    }
}
