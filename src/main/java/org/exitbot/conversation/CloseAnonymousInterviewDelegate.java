package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class CloseAnonymousInterviewDelegate implements JavaDelegate {

    private final ConversationEnd conversationEnd;

    CloseAnonymousInterviewDelegate(ConversationEnd conversationEnd) {
        this.conversationEnd = conversationEnd;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conversationEnd.closeWithoutReview(ExitInterviewProcess.interviewId(execution));
    }
}
