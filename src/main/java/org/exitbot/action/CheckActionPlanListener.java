package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.exitbot.action.ThemeActionProcess.Var;
import org.springframework.stereotype.Component;

/** Refuses to complete "Plan an action" without a valid plan, and notes who planned it. */
@Component
class CheckActionPlanListener implements TaskListener {

    private final ActionPlans plans;

    CheckActionPlanListener(ActionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        plans.checkPlan(task.getVariables(), task.getVariableLocal(Var.OWNER_OPTIONS));
        task.getExecution().setVariable(Var.PLANNED_BY, actingUser(task));
    }

    private static String actingUser(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
