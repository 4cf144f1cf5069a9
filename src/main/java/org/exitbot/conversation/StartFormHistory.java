package org.exitbot.conversation;

import java.util.Collections;
import org.camunda.bpm.engine.HistoryService;
import org.exitbot.system.AfterCommit;
import org.exitbot.system.EngineAsApp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erases the start form's fields from Camunda's history once the interview record holds them: removing the
 * variables leaves their last values in {@code ACT_HI_VARINST}, and the submitted form in {@code ACT_HI_DETAIL}.
 */
@Component
class StartFormHistory {

    private final HistoryService historyService;
    private final EngineAsApp engineAsApp;
    private final JdbcTemplate jdbc;
    private final AfterCommit afterCommit;

    StartFormHistory(HistoryService historyService, EngineAsApp engineAsApp, JdbcTemplate jdbc, AfterCommit afterCommit) {
        this.historyService = historyService;
        this.engineAsApp = engineAsApp;
        this.jdbc = jdbc;
        this.afterCommit = afterCommit;
    }

    /** History is written when the start commits, so it is erased right after. */
    void eraseAfterCommit(String processInstanceId) {
        afterCommit.run(() -> erase(processInstanceId));
    }

    void erase(String processInstanceId) {
        // HR starting from Tasklist is still logged in to the engine here, and may neither read nor delete history
        // variables: the app erases them, not HR
        engineAsApp.run(() -> eraseVariables(processInstanceId));
    }

    private void eraseVariables(String processInstanceId) {
        String[] fields = StartForm.FIELDS.toArray(String[]::new);
        // removed variables stay in the history, values and all, as DELETED
        historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn(fields).includeDeleted().list()
                .forEach(variable -> historyService.deleteHistoricVariableInstance(variable.getId()));
        // Camunda has no API for form-field history short of deleting the whole instance's history
        jdbc.update("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ? and TYPE_ = 'FormProperty' and NAME_ in ("
                + String.join(", ", Collections.nCopies(fields.length, "?")) + ")",
                concat(processInstanceId, fields));
    }

    private static Object[] concat(String first, String[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
