package org.exitbot.conversation;

import org.camunda.bpm.engine.TaskService;
import org.exitbot.analysis.Reanalysis;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A re-analysis while HR's review is open refreshes what the review form shows. */
@Component
class ReviewFormRefresh {

    private final TaskService taskService;
    private final ReviewForm reviewForm;

    ReviewFormRefresh(TaskService taskService, ReviewForm reviewForm) {
        this.taskService = taskService;
        this.reviewForm = reviewForm;
    }

    @EventListener
    void refresh(Reanalysis.Done reanalysed) {
        var tasks = taskService.createTaskQuery().processDefinitionKey(ExitInterviewProcess.KEY)
                .processInstanceBusinessKey(reanalysed.interviewId().toString())
                .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK).list();
        if (!tasks.isEmpty()) {
            var variables = reviewForm.variables(reanalysed.interviewId());
            tasks.forEach(task -> taskService.setVariablesLocal(task.getId(), variables));
        }
    }
}
