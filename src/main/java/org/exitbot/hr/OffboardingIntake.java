package org.exitbot.hr;

import java.util.Optional;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewService;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.NewInterview;
import org.exitbot.interview.WebhookReceipts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in one verified offboarding delivery. Each delivery id is taken once; a leaver (employee id and last
 * working day) gets one interview: a new delivery for a leaver whose interview exists answers with it, and one for
 * a leaver whose interview has since been erased or anonymised (however it was started) starts nothing. The
 * delivery's record and the interview commit together.
 */
@Service
class OffboardingIntake {

    static final String WEBHOOK_USER = "webhook";

    sealed interface Outcome {
        record Started(InterviewView interview) implements Outcome {
        }

        record AlreadyStarted(InterviewView interview) implements Outcome {
        }

        /** Started before, and erased or anonymised since: who it was is no longer known. */
        record StartedBefore() implements Outcome {
        }
    }

    private final ExitInterviews exitInterviews;
    private final InterviewService interviews;
    private final WebhookReceipts receipts;

    OffboardingIntake(ExitInterviews exitInterviews, InterviewService interviews, WebhookReceipts receipts) {
        this.exitInterviews = exitInterviews;
        this.interviews = interviews;
        this.receipts = receipts;
    }

    /**
     * @throws WebhookReceipts.DeliveryRepeated when the delivery id came before; nothing changes then
     * @throws org.exitbot.system.InvalidInputException when the request breaks a rule
     * @throws org.exitbot.system.ConflictException     when the employee already has an open interview
     */
    @Transactional
    public Outcome receive(String delivery, NewInterview request) {
        receipts.claimDelivery(delivery);
        boolean identified = request.employeeId() != null && !request.employeeId().isBlank()
                && request.lastWorkingDay() != null;
        if (identified) {
            Optional<InterviewView> known = interviews.findStarted(request.employeeId(), request.lastWorkingDay());
            if (known.isPresent()) {
                return new Outcome.AlreadyStarted(known.get());
            }
            if (receipts.knowsLeaver(request.employeeId(), request.lastWorkingDay())) {
                return new Outcome.StartedBefore();
            }
        }
        return new Outcome.Started(exitInterviews.start(request, WEBHOOK_USER));
    }
}
