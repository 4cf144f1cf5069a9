package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Puts what {@code forms/theme-action-plan.form} shows onto "Plan an action" as task-local variables. */
@Component
class ShowActionBriefListener implements TaskListener {

    private final ActionBriefs briefs;

    ShowActionBriefListener(ActionBriefs briefs) {
        this.briefs = briefs;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(briefs.planVariables(ThemeActionProcess.actionId(task)));
    }
}
