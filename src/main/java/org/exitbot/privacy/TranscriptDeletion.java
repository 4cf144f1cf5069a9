package org.exitbot.privacy;

import java.util.UUID;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.interview.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deletes an interview's transcript and the quotes taken from it; sentiment, themes and HR's outcome stay. */
@Service
public class TranscriptDeletion {

    private final PersonalData personalData;
    private final AnalysisService analyses;

    TranscriptDeletion(PersonalData personalData, AnalysisService analyses) {
        this.personalData = personalData;
        this.analyses = analyses;
    }

    @Transactional
    public void delete(UUID interviewId) {
        analyses.forgetQuotes(interviewId);
        personalData.deleteTranscript(interviewId);
    }
}
