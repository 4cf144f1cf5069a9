package org.exitbot.conversation;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.interview.ReviewOutcome;
import org.exitbot.system.ActingUser;
import org.springframework.stereotype.Component;

/** Refuses to complete the review without its required fields, and notes who completed it. */
@Component
class CheckReviewOutcomeListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        var problems = ReviewOutcome.from(task.getVariables()).problems();
        if (!problems.isEmpty()) {
            throw new ProcessEngineException("The review is incomplete: " + problems.stream()
                    .map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        String reviewer = ActingUser.orElse(task, task.getAssignee() != null ? task.getAssignee() : "unknown");
        task.getExecution().setVariable(Var.REVIEWED_BY, reviewer);
    }
}
