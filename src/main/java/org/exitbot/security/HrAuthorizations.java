package org.exitbot.security;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import java.util.List;
import org.exitbot.conversation.ExitInterviewProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What group {@value #GROUP} may do in Camunda once its authorization checks are on, granted at every start:
 * open Tasklist, start the exit interview, see, claim, hand over and complete its tasks, read the task
 * variables its forms show, and read its history without the variables; the same for the tasks of every
 * {@link HrTasklistProcess}, except starting one. Nothing else: no Cockpit or Admin, no other process, no runtime
 * variables of the instances, no historic variables (they would be transcript reads outside the audit log).
 */
@Component
public class HrAuthorizations {

    public static final String GROUP = "hr";

    private final CamundaGrants grants;
    private final List<HrTasklistProcess> processes;

    HrAuthorizations(CamundaGrants grants, ObjectProvider<HrTasklistProcess> processes) {
        this.grants = grants;
        this.processes = processes.orderedStream().toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void grant() {
        grants.grant(GROUP, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grants.grant(GROUP, Resources.PROCESS_DEFINITION, ExitInterviewProcess.KEY,
                READ, CREATE_INSTANCE, READ_TASK, READ_TASK_VARIABLE, TASK_WORK, TASK_ASSIGN, READ_HISTORY);
        processes.forEach(process -> grants.grant(GROUP, Resources.PROCESS_DEFINITION, process.processDefinitionKey(),
                READ, READ_TASK, READ_TASK_VARIABLE, TASK_WORK, TASK_ASSIGN, READ_HISTORY));
        grants.grant(GROUP, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    }
}
