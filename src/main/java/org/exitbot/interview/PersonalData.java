package org.exitbot.interview;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.privacy.Redactor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the app's own tables hold about a person, and the three ways it goes: anonymised, deleted, erased. */
@Component
public class PersonalData {

    private final InterviewRepository interviews;
    private final MessageRepository messages;
    private final MessageRevisionRepository revisions;
    private final ReviewRepository reviews;
    private final AnalysisService analyses;
    private final Clock clock;

    PersonalData(InterviewRepository interviews, MessageRepository messages, MessageRevisionRepository revisions,
            ReviewRepository reviews, AnalysisService analyses, Clock clock) {
        this.interviews = interviews;
        this.messages = messages;
        this.revisions = revisions;
        this.reviews = reviews;
        this.analyses = analyses;
        this.clock = clock;
    }

    /**
     * Redacts e-mails, phone numbers, links and the names of the employee and their manager from every free text
     * of the interview (answers, earlier wordings, follow-ups, analyses, HR's notes), then forgets who it was with.
     * Doing it twice, or after an erasure, changes nothing.
     */
    @Transactional
    public void anonymise(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElse(null);
        if (interview == null || interview.getAnonymisedAt() != null) {
            return;
        }
        List<String> names = interview.knownNames();
        UnaryOperator<String> redaction = text -> Redactor.redact(text, names);
        List<Message> transcript = messages.findByInterviewIdOrderByIdAsc(interviewId);
        transcript.forEach(message -> message.redact(redaction));
        List<Long> ids = transcript.stream().map(Message::getId).toList();
        revisions.findByMessageIdIn(ids).forEach(revision -> revision.redact(redaction));
        reviews.findById(interviewId).ifPresent(review -> review.redact(redaction));
        analyses.redact(interviewId, ids, redaction);
        interview.removeIdentity(clock.instant());
    }

    /** Deletes the transcript and the quotes taken from it; sentiment, themes and HR's outcome stay. */
    @Transactional
    public void deleteTranscript(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElse(null);
        if (interview == null) {
            return;
        }
        analyses.forgetQuotes(interviewId);
        messages.deleteByInterviewId(interviewId);
        interview.markTranscriptDeleted(clock.instant());
    }

    /** Deletes the interview and everything that hangs off it. */
    @Transactional
    public void erase(UUID interviewId) {
        interviews.deleteById(interviewId);
    }
}
