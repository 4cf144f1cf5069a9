package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Fills HR's review task with what its form shows, and sets when it is due. */
@Component
class PrepareReviewListener implements TaskListener {

    private final ReviewForm reviewForm;

    PrepareReviewListener(ReviewForm reviewForm) {
        this.reviewForm = reviewForm;
    }

    @Override
    public void notify(DelegateTask task) {
        var form = reviewForm.newTask(ExitInterviewProcess.interviewId(task));
        task.setVariablesLocal(form.variables());
        task.setDescription(form.description());
        task.setDueDate(form.dueDate());
    }
}
