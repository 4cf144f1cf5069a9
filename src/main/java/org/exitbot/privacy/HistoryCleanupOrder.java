package org.exitbot.privacy;

import java.util.List;

/**
 * What one run of the history clean-up removes from Camunda's history: every process of an interview (found by
 * its business key, and its exit process's id), or the variables of one process, all of them or those named.
 *
 * @param variableNames empty for every variable
 */
record HistoryCleanupOrder(Scope scope, String businessKey, String processInstanceId, List<String> variableNames) {

    enum Scope {
        INSTANCES, VARIABLES
    }

    HistoryCleanupOrder {
        variableNames = variableNames == null ? List.of() : List.copyOf(variableNames);
    }
}
