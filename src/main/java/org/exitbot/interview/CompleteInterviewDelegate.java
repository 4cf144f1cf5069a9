package org.exitbot.interview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class CompleteInterviewDelegate implements JavaDelegate {

    private final ConversationService conversation;

    CompleteInterviewDelegate(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversation.complete(ExitInterviewProcess.interviewId(execution));
    }
}
