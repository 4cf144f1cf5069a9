package org.exitbot.privacy;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.privacy.HistoryCleanupOrder.Scope;
import org.exitbot.system.EngineAsApp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Removes personal data from Camunda's history as a step of its own: each order starts a {@code history-cleanup}
 * process in the caller's transaction, whose asynchronous task runs once that transaction has committed (the
 * engine writes history only then), is retried ({@code EXITBOT_PRIVACY_RETRY}) and ends as an incident in
 * Cockpit. A crash after the caller's commit leaves the job in the database for the next start. History that is
 * already gone (removed by its {@code historyTimeToLive}, or by an earlier run) counts as cleaned.
 */
@Service
public class HistoryCleanup {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final JdbcTemplate jdbc;
    private final EngineAsApp engineAsApp;

    HistoryCleanup(RuntimeService runtimeService, HistoryService historyService, JdbcTemplate jdbc,
            EngineAsApp engineAsApp) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.jdbc = jdbc;
        this.engineAsApp = engineAsApp;
    }

    /** Orders the removal of the whole history of an interview's processes. */
    void forgetInstances(String businessKey, String processInstanceId) {
        order(new HistoryCleanupOrder(Scope.INSTANCES, businessKey, processInstanceId, List.of()));
    }

    /** Orders the removal of a process's variables, with their submitted form fields; its activities stay. */
    void forgetVariables(String processInstanceId) {
        order(new HistoryCleanupOrder(Scope.VARIABLES, null, processInstanceId, List.of()));
    }

    /** Orders the removal of the named variables of a process, with the form fields of those names. */
    public void forgetVariables(String processInstanceId, Collection<String> names) {
        order(new HistoryCleanupOrder(Scope.VARIABLES, null, processInstanceId, List.copyOf(names)));
    }

    /** The clean-up task's work; doing it twice changes nothing. */
    void clean(HistoryCleanupOrder order) {
        engineAsApp.run(() -> {
            if (order.scope() == Scope.INSTANCES) {
                cleanInstances(order);
            } else {
                cleanVariables(order);
            }
        });
    }

    private void order(HistoryCleanupOrder order) {
        VariableMap variables = Variables.createVariables()
                .putValue(HistoryCleanupProcess.SCOPE, order.scope().name().toLowerCase(java.util.Locale.ROOT))
                .putValue(HistoryCleanupProcess.PROCESS_INSTANCE_ID, order.processInstanceId());
        if (order.businessKey() != null) {
            variables.putValue(HistoryCleanupProcess.BUSINESS_KEY, order.businessKey());
        }
        if (!order.variableNames().isEmpty()) {
            variables.putValue(HistoryCleanupProcess.VARIABLE_NAMES, String.join(",", order.variableNames()));
        }
        // HR acting in Tasklist or engine-rest may not start this process: the app does
        engineAsApp.run(() -> runtimeService.startProcessInstanceByKey(HistoryCleanupProcess.KEY, variables));
    }

    private void cleanInstances(HistoryCleanupOrder order) {
        var ids = new LinkedHashSet<String>();
        if (order.businessKey() != null) {
            historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(order.businessKey()).list()
                    .forEach(instance -> ids.add(instance.getId()));
        }
        if (order.processInstanceId() != null) {
            ids.add(order.processInstanceId());
            // earlier clean-ups of this process name it in their variables: their history goes with it
            historyService.createHistoricProcessInstanceQuery().processDefinitionKey(HistoryCleanupProcess.KEY)
                    .finished().variableValueEquals(HistoryCleanupProcess.PROCESS_INSTANCE_ID, order.processInstanceId()).list()
                    .forEach(instance -> ids.add(instance.getId()));
        }
        ids.forEach(historyService::deleteHistoricProcessInstanceIfExists);
    }

    private void cleanVariables(HistoryCleanupOrder order) {
        String id = order.processInstanceId();
        List<String> names = order.variableNames();
        if (names.isEmpty()) {
            if (historyService.createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0) {
                // removed variables stay in the history as DELETED, values and all: this removes those too
                historyService.deleteHistoricVariableInstancesByProcessInstanceId(id);
            }
            // form fields submitted in Tasklist are history details that variable deletion leaves behind
            jdbc.update("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ?", id);
            // the engine has no API for these: comments HR wrote on a task, the task's description, and the old
            // and new values that operations on the process or its tasks logged
            jdbc.update("delete from ACT_HI_COMMENT where PROC_INST_ID_ = ? or TASK_ID_ in "
                    + "(select ID_ from ACT_HI_TASKINST where PROC_INST_ID_ = ?)", id, id);
            jdbc.update("update ACT_HI_TASKINST set DESCRIPTION_ = null where PROC_INST_ID_ = ?", id);
            jdbc.update("update ACT_HI_OP_LOG set ORG_VALUE_ = null, NEW_VALUE_ = null where PROC_INST_ID_ = ? "
                    + "or TASK_ID_ in (select ID_ from ACT_HI_TASKINST where PROC_INST_ID_ = ?)", id, id);
            return;
        }
        // removed variables stay in the history, values and all, as DELETED
        historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableNameIn(names.toArray(String[]::new)).includeDeleted().list()
                .forEach(variable -> historyService.deleteHistoricVariableInstance(variable.getId()));
        // Camunda has no API for form-field history short of deleting the whole instance's history
        jdbc.update("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ in ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ")",
                Stream.concat(Stream.of(id), names.stream()).toArray());
    }
}
