package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Fills the summary check's Tasklist form, for HR reading the summary to the employee in a phone interview. */
@Component
class ShowSummaryCheckListener implements TaskListener {

    private final SummaryCheckForm form;

    ShowSummaryCheckListener(SummaryCheckForm form) {
        this.form = form;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(form.variables(ExitInterviewProcess.interviewId(task)));
    }
}
