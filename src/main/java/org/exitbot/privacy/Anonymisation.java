package org.exitbot.privacy;

import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.PersonalData;
import org.exitbot.security.EngineAsApp;
import org.exitbot.system.AfterCommit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymises an interview in the app's tables and in Camunda's history: the exit process's variables (the
 * review form's transcript, names, HR's notes) go, its activities stay for the process figures.
 */
@Service
public class Anonymisation {

    private final PersonalData personalData;
    private final InterviewRepository interviews;
    private final HistoryService historyService;
    private final JdbcTemplate jdbc;
    private final AfterCommit afterCommit;
    private final EngineAsApp engineAsApp;

    Anonymisation(PersonalData personalData, InterviewRepository interviews, HistoryService historyService,
            JdbcTemplate jdbc, AfterCommit afterCommit, EngineAsApp engineAsApp) {
        this.personalData = personalData;
        this.interviews = interviews;
        this.historyService = historyService;
        this.jdbc = jdbc;
        this.afterCommit = afterCommit;
        this.engineAsApp = engineAsApp;
    }

    @Transactional
    public void anonymise(UUID interviewId) {
        String processInstanceId = interviews.findById(interviewId).map(Interview::getProcessInstanceId).orElse(null);
        personalData.anonymise(interviewId);
        if (processInstanceId != null) {
            afterCommit.run(() -> engineAsApp.run(() -> forgetVariables(processInstanceId)));
        }
    }

    private void forgetVariables(String processInstanceId) {
        // removed variables stay in the history as DELETED, values and all: this removes those too
        historyService.deleteHistoricVariableInstancesByProcessInstanceId(processInstanceId);
        // form fields submitted in Tasklist are history details that variable deletion leaves behind
        jdbc.update("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ?", processInstanceId);
    }
}
