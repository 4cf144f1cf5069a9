package org.exitbot.privacy;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.PersonalData;
import org.exitbot.interview.Visibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymises an interview in the app's tables and in Camunda's history. An interview whose employee chose to be
 * anonymous loses its words: the answers, redacted, move to the anonymous comments, joined to nothing, and every
 * text of the interview is blanked. Any other interview keeps its text with e-mails, phone numbers, links and the
 * names of the employee and their manager redacted (answers, earlier wordings, follow-ups, analyses, HR's notes).
 * Then the interview forgets who it was with, and the exit process's history loses whatever carries words, by
 * {@link HistoryCleanup}'s retried step; its activities stay for the process figures. Doing it twice, or after an erasure, changes nothing.
 */
@Service
public class Anonymisation {

    private final InterviewRepository interviews;
    private final PersonalData personalData;
    private final AnalysisService analyses;
    private final AnonymousWords anonymousWords;
    private final HistoryCleanup historyCleanup;

    Anonymisation(InterviewRepository interviews, PersonalData personalData, AnalysisService analyses,
            AnonymousWords anonymousWords, HistoryCleanup historyCleanup) {
        this.interviews = interviews;
        this.personalData = personalData;
        this.analyses = analyses;
        this.anonymousWords = anonymousWords;
        this.historyCleanup = historyCleanup;
    }

    @Transactional
    public void anonymise(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElse(null);
        if (interview == null) {
            return;
        }
        if (interview.getAnonymisedAt() == null) {
            UnaryOperator<String> redaction = Redactor.of(interview.knownNames());
            if (interview.getVisibility() == Visibility.ANONYMOUS) {
                anonymousWords.moveOut(interview, redaction);
            } else {
                List<Long> messageIds = personalData.redact(interviewId, redaction);
                analyses.redact(interviewId, messageIds, redaction);
            }
            personalData.forgetIdentity(interviewId);
        }
        forgetHistory(interview);
    }

    /** The history part: Camunda writes it only as the transaction commits, so it is cleaned after that. */
    private void forgetHistory(Interview interview) {
        if (interview.getProcessInstanceId() != null) {
            historyCleanup.forgetVariables(interview.getProcessInstanceId());
        }
    }
}
