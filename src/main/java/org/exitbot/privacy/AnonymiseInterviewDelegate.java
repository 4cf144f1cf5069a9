package org.exitbot.privacy;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class AnonymiseInterviewDelegate implements JavaDelegate {

    private final Anonymisation anonymisation;

    AnonymiseInterviewDelegate(Anonymisation anonymisation) {
        this.anonymisation = anonymisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        anonymisation.anonymise(UUID.fromString((String) execution.getVariable(InterviewRetentionProcess.INTERVIEW_ID)));
    }
}
