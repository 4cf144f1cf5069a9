package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.system.ActingUser;
import org.springframework.stereotype.Component;

/** Stores HR's correction of the analysis as the review completes, or refuses the completion for a bad one. */
@Component
class RecordCorrectionsListener implements TaskListener {

    private final CorrectionForm correctionForm;

    RecordCorrectionsListener(CorrectionForm correctionForm) {
        this.correctionForm = correctionForm;
    }

    @Override
    public void notify(DelegateTask task) {
        correctionForm.record(ExitInterviewProcess.interviewId(task), task.getVariables(),
                ActingUser.orElse(task, task.getAssignee() != null ? task.getAssignee() : "unknown"));
    }
}
