package org.exitbot.interview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordStopDelegate implements JavaDelegate {

    private final ConversationService conversation;

    RecordStopDelegate(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversation.recordStop(ExitInterviewProcess.interviewId(execution));
    }
}
