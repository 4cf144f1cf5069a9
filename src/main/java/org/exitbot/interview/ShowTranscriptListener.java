package org.exitbot.interview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the answers so far on the review-answers task, for HR reading them back in a phone interview. */
@Component
class ShowTranscriptListener implements TaskListener {

    private final TranscriptVariables variables;
    private final InterviewRepository interviews;

    ShowTranscriptListener(TranscriptVariables variables, InterviewRepository interviews) {
        this.variables = variables;
        this.interviews = interviews;
    }

    @Override
    public void notify(DelegateTask task) {
        Interview interview = interviews.findById(ExitInterviewProcess.interviewId(task)).orElseThrow();
        task.setVariableLocal("transcript", variables.transcript(interview));
    }
}
