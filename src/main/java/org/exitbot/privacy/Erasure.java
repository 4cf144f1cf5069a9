package org.exitbot.privacy;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.PersonalData;
import org.exitbot.security.EngineAsApp;
import org.exitbot.system.AfterCommit;
import org.exitbot.system.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one person's interview (GDPR Art. 17) on HR's or the employee's request: its rows in the app's tables,
 * and its processes in Camunda's runtime and history, with their variables, tasks, comments and job logs.
 */
@Service
public class Erasure {

    public static final String EMPLOYEE = "employee";

    private final InterviewRepository interviews;
    private final PersonalData personalData;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ErasureLog log;
    private final AfterCommit afterCommit;
    private final EngineAsApp engineAsApp;
    private final Clock clock;

    Erasure(InterviewRepository interviews, PersonalData personalData, RuntimeService runtimeService,
            HistoryService historyService, ErasureLog log, AfterCommit afterCommit, EngineAsApp engineAsApp,
            Clock clock) {
        this.interviews = interviews;
        this.personalData = personalData;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.log = log;
        this.afterCommit = afterCommit;
        this.engineAsApp = engineAsApp;
        this.clock = clock;
    }

    /** @param requestedBy the HR user, or {@link #EMPLOYEE} */
    @Transactional
    public void erase(UUID interviewId, String requestedBy) {
        engineAsApp.run(() -> eraseAsApp(interviewId, requestedBy));
    }

    private void eraseAsApp(UUID interviewId, String requestedBy) {
        Interview interview = interviews.findById(interviewId).orElseThrow(() -> new ProblemException(
                HttpStatus.NOT_FOUND, "Not found", "There is no interview " + interviewId));
        String businessKey = interviewId.toString();
        var running = new LinkedHashSet<String>();
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(instance -> running.add(instance.getId()));
        if (interview.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
                .processInstanceId(interview.getProcessInstanceId()).count() > 0) {
            running.add(interview.getProcessInstanceId());
        }
        running.forEach(id -> runtimeService.deleteProcessInstance(id, "erased on request", true, true, true, true));
        personalData.erase(interviewId);
        log.save(new ErasureLogEntry(interviewId, requestedBy, clock.instant()));
        afterCommit.run(() -> engineAsApp.run(() -> forgetHistory(businessKey, interview.getProcessInstanceId())));
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
}
