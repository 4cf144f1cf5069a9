package org.exitbot.privacy;

import java.util.LinkedHashSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.exitbot.system.AfterCommit;
import org.exitbot.system.EngineAsApp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What Camunda keeps of an interview's processes, found by the interview's id (their business key) or its exit
 * process's id, and removed as the app rather than as the user logged in. History is removed once the current
 * transaction has committed, since the engine writes it only then.
 */
@Component
class CamundaRecords {

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final JdbcTemplate jdbc;
    private final AfterCommit afterCommit;
    private final EngineAsApp engineAsApp;

    CamundaRecords(RuntimeService runtimeService, HistoryService historyService, JdbcTemplate jdbc,
            AfterCommit afterCommit, EngineAsApp engineAsApp) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.jdbc = jdbc;
        this.afterCommit = afterCommit;
        this.engineAsApp = engineAsApp;
    }

    /** Deletes the running processes, with their variables, tasks and jobs. */
    void deleteRunning(String businessKey, String processInstanceId) {
        var running = new LinkedHashSet<String>();
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(instance -> running.add(instance.getId()));
        if (processInstanceId != null && runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).count() > 0) {
            running.add(processInstanceId);
        }
        running.forEach(id -> runtimeService.deleteProcessInstance(id, "erased on request", true, true, true, true));
    }

    /** Deletes the processes' history. */
    void forgetHistoryAfterCommit(String businessKey, String processInstanceId) {
        afterCommit.run(() -> engineAsApp.run(() -> forgetHistory(businessKey, processInstanceId)));
    }

    /**
     * Deletes from the process's history every place that can carry words (variables, form fields, comments, task
     * descriptions, the values in the operation log); its activities stay for the process figures.
     */
    void forgetWordsAfterCommit(String processInstanceId) {
        afterCommit.run(() -> engineAsApp.run(() -> forgetWords(processInstanceId)));
    }

    private void forgetHistory(String businessKey, String processInstanceId) {
        var ids = new LinkedHashSet<String>();
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(instance -> ids.add(instance.getId()));
        if (processInstanceId != null) {
            ids.add(processInstanceId);
        }
        ids.forEach(historyService::deleteHistoricProcessInstanceIfExists);
    }

    private void forgetWords(String processInstanceId) {
        // removed variables stay in the history as DELETED, values and all: this removes those too
        historyService.deleteHistoricVariableInstancesByProcessInstanceId(processInstanceId);
        // form fields submitted in Tasklist are history details that variable deletion leaves behind
        jdbc.update("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ?", processInstanceId);
        // the engine has no API for these: comments HR wrote on a task, the task's description, and the old and
        // new values that operations on the process or its tasks logged
        jdbc.update("delete from ACT_HI_COMMENT where PROC_INST_ID_ = ? or TASK_ID_ in "
                + "(select ID_ from ACT_HI_TASKINST where PROC_INST_ID_ = ?)", processInstanceId, processInstanceId);
        jdbc.update("update ACT_HI_TASKINST set DESCRIPTION_ = null where PROC_INST_ID_ = ?", processInstanceId);
        jdbc.update("update ACT_HI_OP_LOG set ORG_VALUE_ = null, NEW_VALUE_ = null where PROC_INST_ID_ = ? or TASK_ID_ in "
                + "(select ID_ from ACT_HI_TASKINST where PROC_INST_ID_ = ?)", processInstanceId, processInstanceId);
    }
}
