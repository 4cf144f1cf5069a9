package org.exitbot.privacy;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.interview.PersonalData;
import org.springframework.stereotype.Component;

@Component
class DeleteTranscriptDelegate implements JavaDelegate {

    private final PersonalData personalData;

    DeleteTranscriptDelegate(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        personalData.deleteTranscript(UUID.fromString((String) execution.getVariable(InterviewRetentionProcess.INTERVIEW_ID)));
    }
}
