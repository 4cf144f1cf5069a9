package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class MarkInterviewExpiredDelegate implements JavaDelegate {

    private final ConversationEnd conversationEnd;

    MarkInterviewExpiredDelegate(ConversationEnd conversationEnd) {
        this.conversationEnd = conversationEnd;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversationEnd.markExpired(ExitInterviewProcess.interviewId(execution));
    }
}
