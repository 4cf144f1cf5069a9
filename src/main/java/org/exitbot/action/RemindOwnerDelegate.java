package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RemindOwnerDelegate implements JavaDelegate {

    private final OwnerReminders reminders;

    RemindOwnerDelegate(OwnerReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(ThemeActionProcess.actionId(execution));
    }
}
