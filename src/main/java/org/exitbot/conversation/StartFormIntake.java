package org.exitbot.conversation;

import java.util.UUID;
import org.exitbot.interview.InterviewRegistration;
import org.exitbot.interview.NewInterview;
import org.exitbot.privacy.HistoryCleanup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process HR started from Tasklist's start form has no interview yet: this creates it from the form, through
 * the same checks as the REST API, prepares it, and has the form's fields erased from the history once committed.
 */
@Service
class StartFormIntake {

    private final InterviewRegistration registration;
    private final InterviewPreparation preparation;
    private final HistoryCleanup historyCleanup;

    StartFormIntake(InterviewRegistration registration, InterviewPreparation preparation,
            HistoryCleanup historyCleanup) {
        this.registration = registration;
        this.preparation = preparation;
        this.historyCleanup = historyCleanup;
    }

    record Prepared(UUID interviewId, InterviewPreparation.Schedule schedule) {
    }

    @Transactional
    Prepared registerAndPrepare(NewInterview form, String hrUser, String processInstanceId) {
        var interview = registration.register(form, hrUser).interview();
        interview.attachProcess(processInstanceId);
        // removing the variables leaves their last values in ACT_HI_VARINST, and the submitted form in ACT_HI_DETAIL
        historyCleanup.forgetVariables(processInstanceId, StartForm.FIELDS);
        return new Prepared(interview.getId(), preparation.prepare(interview.getId()));
    }
}
