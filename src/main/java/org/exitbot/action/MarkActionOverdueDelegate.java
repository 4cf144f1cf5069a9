package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class MarkActionOverdueDelegate implements JavaDelegate {

    private final ActionPlans plans;

    MarkActionOverdueDelegate(ActionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.markOverdue(ThemeActionProcess.actionId(execution));
    }
}
