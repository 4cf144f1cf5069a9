package org.exitbot.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.exitbot.notify.HrNotificationProcess.Var;
import org.exitbot.system.EngineAsApp;
import org.springframework.stereotype.Service;

/**
 * Starts {@code hr-notification.bpmn} for what HR's channel should hear about, as the app, and only while a channel
 * is configured. The start only adds a job to the caller's transaction: the post itself is the process's, retried
 * on its own, so a channel that is down never holds up an interview.
 */
@Service
class HrNotifications {

    /** An incident at a step announced within this long is not announced again: a failing mail server would flood. */
    static final Duration INCIDENT_QUIET_PERIOD = Duration.ofHours(1);

    private final HrChannels channels;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final EngineAsApp engineAsApp;
    private final Clock clock;

    HrNotifications(HrChannels channels, RuntimeService runtimeService, RepositoryService repositoryService,
            HistoryService historyService, EngineAsApp engineAsApp, Clock clock) {
        this.channels = channels;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.engineAsApp = engineAsApp;
        this.clock = clock;
    }

    /** A review task was created; the notice says so, and links the Tasklist filter, not the interview. */
    void reviewWaiting() {
        if (channels.configured().isEmpty()) {
            return;
        }
        engineAsApp.run(() -> runtimeService.createMessageCorrelation(HrNotificationProcess.REVIEW_WAITING_MESSAGE)
                .setVariable(Var.NOTICE, Notice.REVIEW_WAITING.name())
                .correlateStartMessage());
    }

    /**
     * An incident was raised at a step of a process. One of {@code hr-notification} itself is not announced (a
     * channel that stays down would announce its own failure to itself), nor one at a step announced within the
     * quiet period.
     */
    void incidentRaised(String processDefinitionId, String activityId) {
        if (channels.configured().isEmpty() || processDefinitionId == null) {
            return;
        }
        engineAsApp.run(() -> {
            String processKey = repositoryService.getProcessDefinition(processDefinitionId).getKey();
            String businessKey = "incident:" + processKey + ":" + activityId;
            if (processKey.equals(HrNotificationProcess.KEY) || historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(HrNotificationProcess.KEY).processInstanceBusinessKey(businessKey)
                    .startedAfter(Date.from(clock.instant().minus(INCIDENT_QUIET_PERIOD))).count() > 0) {
                return;
            }
            runtimeService.createMessageCorrelation(HrNotificationProcess.INCIDENT_MESSAGE)
                    .processInstanceBusinessKey(businessKey)
                    .setVariable(Var.NOTICE, Notice.INCIDENT.name())
                    .setVariable(Var.PROCESS_DEFINITION_ID, processDefinitionId)
                    .setVariable(Var.ACTIVITY_ID, activityId)
                    .correlateStartMessage();
        });
    }
}
