package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.action.ThemeActionProcess.Var;
import org.springframework.stereotype.Component;

/** Leaves what it found as a transient list: the BPMN starts an action for each in the same transaction. */
@Component
class CheckThemeThresholdsDelegate implements JavaDelegate {

    private final ThemeAlerts alerts;

    CheckThemeThresholdsDelegate(ThemeAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.CROSSINGS, Variables.objectValue(
                alerts.crossings().stream().map(ThemeGroup::element).toList(), true).create());
    }
}
