package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class CompleteInterviewDelegate implements JavaDelegate {

    private final ConversationEnd conversationEnd;

    CompleteInterviewDelegate(ConversationEnd conversationEnd) {
        this.conversationEnd = conversationEnd;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversationEnd.complete(ExitInterviewProcess.interviewId(execution));
    }
}
