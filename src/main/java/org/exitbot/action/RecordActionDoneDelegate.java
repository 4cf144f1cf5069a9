package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordActionDoneDelegate implements JavaDelegate {

    private final ActionPlans plans;

    RecordActionDoneDelegate(ActionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(plans.done(ThemeActionProcess.actionId(execution)));
    }
}
