package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.system.FormMarkdown;
import org.springframework.stereotype.Component;

@Component
class AskQuestionDelegate implements JavaDelegate {

    private final ConversationService conversation;

    AskQuestionDelegate(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int number = ExitInterviewProcess.intVariable(execution, Var.QUESTION_NUMBER) + 1;
        String question = conversation.askQuestion(ExitInterviewProcess.interviewId(execution), number);
        execution.setVariable(Var.QUESTION_NUMBER, number);
        // after a question without follow-ups it is 0 already, and rewriting it costs a variable and its history
        if (!execution.hasVariable(Var.FOLLOW_UP_COUNT)
                || ExitInterviewProcess.intVariable(execution, Var.FOLLOW_UP_COUNT) != 0) {
            execution.setVariable(Var.FOLLOW_UP_COUNT, 0);
        }
        execution.setVariable(Var.CURRENT_PROMPT, FormMarkdown.escape(question));
    }
}
