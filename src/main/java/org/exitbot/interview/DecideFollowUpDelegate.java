package org.exitbot.interview;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.interview.ExitInterviewProcess.Var;
import org.exitbot.llm.LlmUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class DecideFollowUpDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(DecideFollowUpDelegate.class);

    private final ConversationService conversation;

    DecideFollowUpDelegate(ConversationService conversation) {
        this.conversation = conversation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int followUps = ExitInterviewProcess.intVariable(execution, Var.FOLLOW_UP_COUNT);
        String followUp;
        try {
            followUp = conversation.decideFollowUp(ExitInterviewProcess.interviewId(execution),
                    ExitInterviewProcess.intVariable(execution, Var.QUESTION_NUMBER), followUps);
        } catch (LlmUnavailableException e) {
            log.warn("Interview {} continues without follow-ups: {}", execution.getProcessBusinessKey(), e.getMessage());
            throw new BpmnError(ExitInterviewProcess.LLM_UNAVAILABLE_ERROR, e.getMessage());
        }
        execution.setVariable(Var.FOLLOW_UP_ASKED, followUp != null);
        if (followUp != null) {
            execution.setVariable(Var.FOLLOW_UP_COUNT, followUps + 1);
            execution.setVariable(Var.CURRENT_PROMPT, followUp);
        }
    }
}
