package org.exitbot.privacy;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymises an interview in the app's tables and in Camunda's history. E-mails, phone numbers, links and the
 * names of the employee and their manager are redacted from every free text (answers, earlier wordings,
 * follow-ups, analyses, HR's notes), then the interview forgets who it was with; the exit process's variables
 * (the review form's transcript, names, HR's notes) go by {@link HistoryCleanup}'s step, its activities stay for the process figures. Doing it
 * twice, or after an erasure, changes nothing.
 */
@Service
public class Anonymisation {

    private final InterviewRepository interviews;
    private final PersonalData personalData;
    private final AnalysisService analyses;
    private final HistoryCleanup historyCleanup;

    Anonymisation(InterviewRepository interviews, PersonalData personalData, AnalysisService analyses,
            HistoryCleanup historyCleanup) {
        this.interviews = interviews;
        this.personalData = personalData;
        this.analyses = analyses;
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
            List<Long> messageIds = personalData.redact(interviewId, redaction);
            analyses.redact(interviewId, messageIds, redaction);
            personalData.forgetIdentity(interviewId);
        }
        if (interview.getProcessInstanceId() != null) {
            historyCleanup.forgetVariables(interview.getProcessInstanceId());
        }
    }
}
