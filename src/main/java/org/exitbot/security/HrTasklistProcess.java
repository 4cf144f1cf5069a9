package org.exitbot.security;

import java.util.List;
import java.util.Set;

/**
 * A process besides the exit interview whose tasks group {@value HrAuthorizations#GROUP} works in Tasklist, declared
 * as a bean by the module that owns it, so that security need not know it. At every start group hr is granted what
 * it needs on the process's tasks and history ({@link HrAuthorizations}), but not to start it: the owning module
 * starts it itself, after its own checks. Its saved Tasklist filter is created when missing.
 *
 * @param filter       lists every task of the process, the soonest due first
 * @param appVariables the variables only the app sets, which no one may write through Camunda's REST APIs
 *                     ({@link CamundaVariableWrites})
 */
public record HrTasklistProcess(String processDefinitionKey, Filter filter, Set<String> appVariables) {

    /** @param columns the process variables Tasklist's list shows beside each task */
    public record Filter(String name, String description, int priority, String colour, List<Column> columns) {
    }

    public record Column(String variable, String label) {
    }
}
