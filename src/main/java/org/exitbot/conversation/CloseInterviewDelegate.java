package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.interview.ReviewOutcome;
import org.springframework.stereotype.Component;

@Component
class CloseInterviewDelegate implements JavaDelegate {

    private final ConversationEnd conversationEnd;

    CloseInterviewDelegate(ConversationEnd conversationEnd) {
        this.conversationEnd = conversationEnd;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversationEnd.close(ExitInterviewProcess.interviewId(execution), ReviewOutcome.from(execution.getVariables()),
                (String) execution.getVariable(Var.REVIEWED_BY));
    }
}
