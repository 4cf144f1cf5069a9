package org.exitbot.privacy;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class DeleteTranscriptDelegate implements JavaDelegate {

    private final TranscriptDeletion transcriptDeletion;

    DeleteTranscriptDelegate(TranscriptDeletion transcriptDeletion) {
        this.transcriptDeletion = transcriptDeletion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transcriptDeletion.delete(UUID.fromString((String) execution.getVariable(InterviewRetentionProcess.INTERVIEW_ID)));
    }
}
