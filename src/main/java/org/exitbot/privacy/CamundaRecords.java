package org.exitbot.privacy;

import java.util.LinkedHashSet;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What Camunda runs of an interview's processes, found by the interview's id (their business key) or its exit
 * process's id. Their history is {@link HistoryCleanup}'s.
 */
@Component
class CamundaRecords {

    private final RuntimeService runtimeService;

    CamundaRecords(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Deletes the running processes, with their variables, tasks and jobs, and the history clean-ups still waiting
     * to run for them (the erasure removes that history whole).
     */
    void deleteRunning(String businessKey, String processInstanceId) {
        var running = new LinkedHashSet<String>();
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(instance -> running.add(instance.getId()));
        if (processInstanceId != null) {
            runtimeService.createProcessInstanceQuery().processDefinitionKey(HistoryCleanupProcess.KEY)
                    .variableValueEquals(HistoryCleanupProcess.PROCESS_INSTANCE_ID, processInstanceId).list()
                    .forEach(instance -> running.add(instance.getId()));
        }
        if (processInstanceId != null && runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).count() > 0) {
            running.add(processInstanceId);
        }
        running.forEach(id -> runtimeService.deleteProcessInstance(id, "erased on request", true, true, true, true));
    }
}
