package org.exitbot.interview;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dates a demo interview back into the past once it has run (EXITBOT_DEMO_DATA spreads its interviews over a
 * year): every date of the record, its transcript, earlier wordings and HR's review move back by the same span, so
 * the spans between them stay as they happened. Refuses any interview that is not demo data.
 */
@Component
public class DemoBackdating {

    private final InterviewRepository interviews;
    private final MessageRepository messages;
    private final MessageRevisionRepository revisions;
    private final ReviewRepository reviews;

    DemoBackdating(InterviewRepository interviews, MessageRepository messages, MessageRevisionRepository revisions,
            ReviewRepository reviews) {
        this.interviews = interviews;
        this.messages = messages;
        this.revisions = revisions;
        this.reviews = reviews;
    }

    /**
     * Moves the interview back to the day it is dated to ({@link Interview#getDemoDatedAt}).
     *
     * @return by how much
     */
    @Transactional
    public Duration backdate(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        if (!interview.isDemo() || interview.getDemoDatedAt() == null) {
            throw new IllegalStateException("Interview " + interviewId + " is not demo data: its dates stay");
        }
        Duration by = Duration.between(interview.getDemoDatedAt(), interview.getCreatedAt());
        interview.backdate(by);
        List<Message> transcript = messages.findByInterviewIdOrderByIdAsc(interviewId);
        transcript.forEach(message -> message.backdate(by));
        revisions.findByMessageIdIn(transcript.stream().map(Message::getId).toList())
                .forEach(revision -> revision.backdate(by));
        reviews.findById(interviewId).ifPresent(review -> review.backdate(by));
        return by;
    }
}
