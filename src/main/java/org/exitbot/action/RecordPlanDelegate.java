package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordPlanDelegate implements JavaDelegate {

    private final ActionPlans plans;

    RecordPlanDelegate(ActionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(plans.record(ThemeActionProcess.actionId(execution), execution.getVariables(),
                execution.getProcessInstanceId()));
    }
}
