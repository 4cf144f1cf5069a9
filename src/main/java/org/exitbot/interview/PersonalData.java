package org.exitbot.interview;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the interview's own tables hold about a person, and the ways it goes: redacted, forgotten, deleted,
 * erased. The privacy module decides when, and what else goes with it.
 */
@Component
public class PersonalData {

    private final InterviewRepository interviews;
    private final MessageRepository messages;
    private final MessageRevisionRepository revisions;
    private final ReviewRepository reviews;
    private final Clock clock;

    PersonalData(InterviewRepository interviews, MessageRepository messages, MessageRevisionRepository revisions,
            ReviewRepository reviews, Clock clock) {
        this.interviews = interviews;
        this.messages = messages;
        this.revisions = revisions;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Rewrites every free text of the interview's transcript (answers, earlier wordings, follow-ups) and HR's
     * notes with {@code redaction}.
     *
     * @return the ids of the transcript's messages, whose analyses hold quotes too
     */
    @Transactional
    public List<Long> redact(UUID interviewId, UnaryOperator<String> redaction) {
        List<Message> transcript = messages.findByInterviewIdOrderByIdAsc(interviewId);
        transcript.forEach(message -> message.redact(redaction));
        List<Long> ids = transcript.stream().map(Message::getId).toList();
        revisions.findByMessageIdIn(ids).forEach(revision -> revision.redact(redaction));
        reviews.findById(interviewId).ifPresent(review -> review.redact(redaction));
        return ids;
    }

    /** Forgets who the interview was with; its links stop working. Department, role and dates stay. */
    @Transactional
    public void forgetIdentity(UUID interviewId) {
        interviews.findById(interviewId).ifPresent(interview -> interview.removeIdentity(clock.instant()));
    }

    /** Deletes the transcript; the interview, its analyses and HR's outcome stay. */
    @Transactional
    public void deleteTranscript(UUID interviewId) {
        interviews.findById(interviewId).ifPresent(interview -> {
            messages.deleteByInterviewId(interviewId);
            interview.markTranscriptDeleted(clock.instant());
        });
    }

    /** Deletes the interview and everything that hangs off it. */
    @Transactional
    public void erase(UUID interviewId) {
        interviews.deleteById(interviewId);
    }
}
