package org.exitbot.action;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.action.ThemeActionProcess.Var;
import org.springframework.stereotype.Component;

/** The overdue task's answer goes, so that the next overdue task starts empty. */
@Component
class SetNewDueDateDelegate implements JavaDelegate {

    private final ActionPlans plans;

    SetNewDueDateDelegate(ActionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(plans.reschedule(ThemeActionProcess.actionId(execution),
                execution.getVariable(Var.NEW_DUE_DATE)));
        execution.removeVariables(List.of(Var.OVERDUE_OUTCOME, Var.NEW_DUE_DATE));
    }
}
