package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.exitbot.action.ThemeActionProcess.Var;
import org.springframework.stereotype.Component;

/**
 * When an action's instance ends, reviewed or cancelled, the action is finished. The daily check's own instances
 * carry no action.
 */
@Component
class CloseActionListener implements ExecutionListener {

    private final ActionLedger ledger;

    CloseActionListener(ActionLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(Var.ACTION_ID) != null) {
            ledger.ended(ThemeActionProcess.actionId(execution));
        }
    }
}
