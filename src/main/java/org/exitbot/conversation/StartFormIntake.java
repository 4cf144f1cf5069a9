package org.exitbot.conversation;

import java.util.UUID;
import org.exitbot.interview.InterviewRegistration;
import org.exitbot.interview.NewInterview;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process HR started from Tasklist's start form has no interview yet: this creates it from the form, through
 * the same checks as the REST API, prepares it, and erases the form's fields from the history once committed.
 */
@Service
class StartFormIntake {

    private final InterviewRegistration registration;
    private final InterviewPreparation preparation;
    private final StartFormHistory startFormHistory;

    StartFormIntake(InterviewRegistration registration, InterviewPreparation preparation,
            StartFormHistory startFormHistory) {
        this.registration = registration;
        this.preparation = preparation;
        this.startFormHistory = startFormHistory;
    }

    record Prepared(UUID interviewId, InterviewPreparation.Schedule schedule) {
    }

    @Transactional
    Prepared registerAndPrepare(NewInterview form, String hrUser, String processInstanceId) {
        var interview = registration.register(form, hrUser).interview();
        interview.attachProcess(processInstanceId);
        startFormHistory.eraseAfterCommit(processInstanceId);
        return new Prepared(interview.getId(), preparation.prepare(interview.getId()));
    }
}
