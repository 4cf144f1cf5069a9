package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.springframework.stereotype.Component;

@Component
class ContinueWithoutFollowUpDelegate implements JavaDelegate {

    private final FollowUps followUps;

    ContinueWithoutFollowUpDelegate(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUps.continueWithout(ExitInterviewProcess.interviewId(execution),
                ExitInterviewProcess.intVariable(execution, Var.QUESTION_NUMBER));
        execution.setVariable(Var.FOLLOW_UP_ASKED, false);
        execution.setVariable(Var.LLM_FALLBACK, true);
    }
}
