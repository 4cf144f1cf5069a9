package org.exitbot.conversation;

import java.time.Clock;
import java.util.UUID;
import org.exitbot.interview.ConversationChanged;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Visibility;
import org.exitbot.privacy.PrivacyProperties;
import org.exitbot.system.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employee read the introduction and takes part. They may choose how HR sees them where the organisation
 * allows it; otherwise the interview keeps the visibility HR gave it.
 */
@Service
class EmployeeConsent {

    private final InterviewRepository interviews;
    private final PrivacyProperties privacy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmployeeConsent(InterviewRepository interviews, PrivacyProperties privacy, ApplicationEventPublisher events,
            Clock clock) {
        this.interviews = interviews;
        this.privacy = privacy;
        this.events = events;
        this.clock = clock;
    }

    /** @param requested the employee's choice, or null to keep the visibility HR gave */
    @Transactional
    public void consent(UUID interviewId, Visibility requested) {
        Interview interview = interviews.findById(interviewId)
                .orElseThrow(() -> new IllegalStateException("No interview " + interviewId));
        if (requested != null && requested != interview.getVisibility() && !privacy.employeeChoosesVisibility()) {
            throw new InvalidInputException("visibility", "cannot be chosen: the organisation set it to "
                    + interview.getVisibility().code());
        }
        interview.consent(requested == null ? interview.getVisibility() : requested, clock.instant());
        events.publishEvent(new ConversationChanged(interviewId));
    }
}
