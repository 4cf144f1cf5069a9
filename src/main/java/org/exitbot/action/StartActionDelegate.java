package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.action.ThemeActionProcess.Var;
import org.springframework.stereotype.Component;

@Component
class StartActionDelegate implements JavaDelegate {

    private final ThemeAlerts alerts;

    StartActionDelegate(ThemeAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.startAction(ThemeGroup.ofElement((String) execution.getVariable(Var.CROSSING)));
    }
}
