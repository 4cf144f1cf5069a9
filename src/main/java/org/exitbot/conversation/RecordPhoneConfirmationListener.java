package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.system.ActingUser;
import org.springframework.stereotype.Component;

/**
 * Stores the summary check HR made in Tasklist with the employee on the phone as the task completes, or refuses the
 * completion; a check the employee confirmed on their page is stored already.
 */
@Component
class RecordPhoneConfirmationListener implements TaskListener {

    private final SummaryCheckForm form;

    RecordPhoneConfirmationListener(SummaryCheckForm form) {
        this.form = form;
    }

    @Override
    public void notify(DelegateTask task) {
        form.record(ExitInterviewProcess.interviewId(task), task.getVariables(),
                ActingUser.orElse(task, task.getAssignee() != null ? task.getAssignee() : "unknown"));
        // the form's tick is no task variable of its own (its absence tells a completion without the form)
        task.getExecution().removeVariable(SummaryCheckForm.CONFIRMED);
    }
}
