package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the answers so far on the review-answers task, for HR reading them back in a phone interview. */
@Component
class ShowTranscriptListener implements TaskListener {

    private final TranscriptVariables variables;

    ShowTranscriptListener(TranscriptVariables variables) {
        this.variables = variables;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal("transcript", variables.transcript(ExitInterviewProcess.interviewId(task)));
    }
}
