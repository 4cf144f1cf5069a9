package org.exitbot.privacy;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.exitbot.interview.InterviewClosed;
import org.exitbot.interview.Visibility;
import org.exitbot.system.EngineAsApp;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When HR closes an interview, starts its retention process, which waits in Cockpit for the day it is
 * anonymised and the day its transcript is deleted. An anonymous interview loses its identity at once: the
 * employee asked not to be named, and nothing needs the name any more.
 */
@Component
class RetentionSchedule {

    private final RuntimeService runtimeService;
    private final Anonymisation anonymisation;
    private final PrivacyProperties properties;
    private final EngineAsApp engineAsApp;

    RetentionSchedule(RuntimeService runtimeService, Anonymisation anonymisation, PrivacyProperties properties,
            EngineAsApp engineAsApp) {
        this.runtimeService = runtimeService;
        this.anonymisation = anonymisation;
        this.properties = properties;
        this.engineAsApp = engineAsApp;
    }

    /** Runs as the app: HR closing the review in Tasklist may not start processes other than the interview. */
    @EventListener
    void closed(InterviewClosed closed) {
        engineAsApp.run(() -> schedule(closed));
    }

    private void schedule(InterviewClosed closed) {
        runtimeService.startProcessInstanceByKey(InterviewRetentionProcess.KEY, closed.interviewId().toString(),
                Variables.createVariables()
                        .putValue(InterviewRetentionProcess.INTERVIEW_ID, closed.interviewId().toString())
                        .putValue(InterviewRetentionProcess.ANONYMISE_AT,
                                Date.from(closed.closedAt().plus(properties.retention())))
                        .putValue(InterviewRetentionProcess.DELETE_TRANSCRIPT_AT,
                                Date.from(closed.closedAt().plus(properties.transcriptRetention()))));
        if (closed.visibility() == Visibility.ANONYMOUS) {
            anonymisation.anonymise(closed.interviewId());
        }
    }
}
