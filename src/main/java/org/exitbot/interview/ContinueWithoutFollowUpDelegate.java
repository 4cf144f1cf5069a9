package org.exitbot.interview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.interview.ExitInterviewProcess.Var;
import org.springframework.stereotype.Component;

@Component
class ContinueWithoutFollowUpDelegate implements JavaDelegate {

    private final ConversationService conversation;

    ContinueWithoutFollowUpDelegate(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversation.continueWithoutFollowUp(ExitInterviewProcess.interviewId(execution),
                ExitInterviewProcess.intVariable(execution, Var.QUESTION_NUMBER));
        execution.setVariable(Var.FOLLOW_UP_ASKED, false);
        execution.setVariable(Var.LLM_FALLBACK, true);
    }
}
