package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.springframework.stereotype.Component;

@Component
class ContinueWithScriptedFollowUpsDelegate implements JavaDelegate {

    private final ContinueWithScriptedFollowUps scripted;

    ContinueWithScriptedFollowUpsDelegate(ContinueWithScriptedFollowUps scripted) {
        this.scripted = scripted;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int followUpCount = ExitInterviewProcess.intVariable(execution, Var.FOLLOW_UP_COUNT);
        String followUp = scripted.continueWithout(ExitInterviewProcess.interviewId(execution),
                ExitInterviewProcess.intVariable(execution, Var.QUESTION_NUMBER), followUpCount);
        execution.setVariables(ExitInterviewProcess.followUpVariables(followUp, followUpCount,
                execution.hasVariable(Var.FOLLOW_UP_ASKED)));
        execution.setVariable(Var.LLM_FALLBACK, true);
    }
}
