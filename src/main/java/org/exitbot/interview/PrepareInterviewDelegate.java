package org.exitbot.interview;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.interview.ExitInterviewProcess.Var;
import org.springframework.stereotype.Component;

@Component
class PrepareInterviewDelegate implements JavaDelegate {

    private final ConversationService conversation;

    PrepareInterviewDelegate(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var schedule = conversation.prepare(ExitInterviewProcess.interviewId(execution));
        execution.setVariable(Var.REMINDER_AT, Date.from(schedule.reminderAt()));
        execution.setVariable(Var.EXPIRES_AT, Date.from(schedule.expiresAt()));
        execution.setVariable(Var.QUESTION_NUMBER, 0);
        execution.setVariable(Var.LLM_FALLBACK, false);
    }
}
