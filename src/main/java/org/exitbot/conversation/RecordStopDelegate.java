package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordStopDelegate implements JavaDelegate {

    private final ConversationEnd conversationEnd;

    RecordStopDelegate(ConversationEnd conversationEnd) {
        this.conversationEnd = conversationEnd;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversationEnd.recordStop(ExitInterviewProcess.interviewId(execution));
    }
}
