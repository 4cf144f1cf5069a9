package org.exitbot.interview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.interview.ExitInterviewProcess.Var;
import org.springframework.stereotype.Component;

@Component
class CloseInterviewDelegate implements JavaDelegate {

    private final ConversationService conversation;

    CloseInterviewDelegate(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversation.close(ExitInterviewProcess.interviewId(execution), ReviewOutcome.from(execution.getVariables()),
                (String) execution.getVariable(Var.REVIEWED_BY));
    }
}
