package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.action.ThemeActionProcess.Var;
import org.exitbot.system.ActingUser;
import org.springframework.stereotype.Component;

/** Refuses to complete "Plan an action" without a valid plan (Tasklist shows why), and notes who planned it. */
@Component
class CheckActionPlanListener implements TaskListener {

    private final ActionPlans plans;

    CheckActionPlanListener(ActionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        TasklistRefusal.refuseIf("The plan is incomplete",
                plans.planProblems(task.getVariables(), task.getVariableLocal(Var.OWNER_OPTIONS)));
        task.getExecution().setVariable(Var.PLANNED_BY,
                ActingUser.orElse(task, task.getAssignee() != null ? task.getAssignee() : "unknown"));
    }
}
