package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete "Follow up the overdue action" without an outcome, or without a valid new due date; Tasklist
 * shows why.
 */
@Component
class CheckOverdueOutcomeListener implements TaskListener {

    private final ActionPlans plans;

    CheckOverdueOutcomeListener(ActionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        TasklistRefusal.refuseIf("The follow-up is incomplete", plans.overdueOutcomeProblems(task.getVariables()));
    }
}
