package org.exitbot.privacy;

import java.time.Clock;
import java.util.UUID;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.PersonalData;
import org.exitbot.system.EngineAsApp;
import org.exitbot.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one person's interview (GDPR Art. 17) on HR's or the employee's request: its rows in the app's tables,
 * and its processes in Camunda's runtime, in this transaction, and in its history by a clean-up step that runs
 * once this has committed, retried until done.
 */
@Service
public class Erasure {

    public static final String EMPLOYEE = "employee";

    private final InterviewRepository interviews;
    private final PersonalData personalData;
    private final CamundaRecords camunda;
    private final HistoryCleanup historyCleanup;
    private final ErasureLog log;
    private final EngineAsApp engineAsApp;
    private final Clock clock;

    Erasure(InterviewRepository interviews, PersonalData personalData, CamundaRecords camunda,
            HistoryCleanup historyCleanup, ErasureLog log, EngineAsApp engineAsApp, Clock clock) {
        this.interviews = interviews;
        this.personalData = personalData;
        this.camunda = camunda;
        this.historyCleanup = historyCleanup;
        this.log = log;
        this.engineAsApp = engineAsApp;
        this.clock = clock;
    }

    /**
     * @param requestedBy the HR user, or {@link #EMPLOYEE}
     * @throws NotFoundException when there is no such interview
     */
    @Transactional
    public void erase(UUID interviewId, String requestedBy) {
        engineAsApp.run(() -> eraseAsApp(interviewId, requestedBy));
    }

    /**
     * Removes a demo interview (EXITBOT_DEMO_DATA) as erasure does, its rows and its processes' runtime, but leaves
     * no entry in the erasure log: it was never a person's. Its history goes with {@link #forgetDemoHistory} once
     * this has committed.
     *
     * @return the id of its exit process, for {@link #forgetDemoHistory}
     * @throws IllegalStateException when the interview is not demo data
     */
    @Transactional
    public String discardDemo(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        if (!interview.isDemo()) {
            throw new IllegalStateException("Interview " + interviewId + " is not demo data: erase it instead");
        }
        engineAsApp.run(() -> {
            camunda.deleteRunning(interviewId.toString(), interview.getProcessInstanceId());
            personalData.erase(interviewId);
        });
        return interview.getProcessInstanceId();
    }

    /**
     * Removes the whole history of a discarded demo interview's processes, and of the clean-ups ordered for them,
     * now rather than by an ordered step: they ended, or were deleted, in transactions that committed before, so
     * their history is written, and no clean-up process of its own is left behind.
     */
    public void forgetDemoHistory(UUID interviewId, String processInstanceId) {
        historyCleanup.clean(new HistoryCleanupOrder(HistoryCleanupOrder.Scope.INSTANCES, interviewId.toString(),
                processInstanceId, java.util.List.of()));
    }

    private void eraseAsApp(UUID interviewId, String requestedBy) {
        Interview interview = interviews.findById(interviewId).orElseThrow(() -> new NotFoundException(
                "Not found", "There is no interview " + interviewId));
        String businessKey = interviewId.toString();
        camunda.deleteRunning(businessKey, interview.getProcessInstanceId());
        personalData.erase(interviewId);
        log.save(new ErasureLogEntry(interviewId, requestedBy, clock.instant()));
        historyCleanup.forgetInstances(businessKey, interview.getProcessInstanceId());
    }
}
