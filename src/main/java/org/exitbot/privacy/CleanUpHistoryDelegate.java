package org.exitbot.privacy;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.privacy.HistoryCleanupOrder.Scope;
import org.springframework.stereotype.Component;

@Component
class CleanUpHistoryDelegate implements JavaDelegate {

    private final HistoryCleanup historyCleanup;

    CleanUpHistoryDelegate(HistoryCleanup historyCleanup) {
        this.historyCleanup = historyCleanup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String names = (String) execution.getVariable(HistoryCleanupProcess.VARIABLE_NAMES);
        historyCleanup.clean(new HistoryCleanupOrder(
                Scope.valueOf(((String) execution.getVariable(HistoryCleanupProcess.SCOPE)).toUpperCase(Locale.ROOT)),
                (String) execution.getVariable(HistoryCleanupProcess.BUSINESS_KEY),
                (String) execution.getVariable(HistoryCleanupProcess.PROCESS_INSTANCE_ID),
                names == null ? List.of() : List.of(names.split(","))));
    }
}
