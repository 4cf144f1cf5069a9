package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.system.FormMarkdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class DecideFollowUpDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(DecideFollowUpDelegate.class);

    private final FollowUps followUps;

    DecideFollowUpDelegate(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int asked = ExitInterviewProcess.intVariable(execution, Var.FOLLOW_UP_COUNT);
        String followUp;
        try {
            followUp = followUps.decide(ExitInterviewProcess.interviewId(execution),
                    ExitInterviewProcess.intVariable(execution, Var.QUESTION_NUMBER), asked);
        } catch (LlmUnavailableException e) {
            log.warn("Interview {} continues without follow-ups: {}", execution.getProcessBusinessKey(), e.getMessage());
            throw new BpmnError(ExitInterviewProcess.LLM_UNAVAILABLE_ERROR, e.getMessage());
        }
        execution.setVariable(Var.FOLLOW_UP_ASKED, followUp != null);
        if (followUp != null) {
            execution.setVariable(Var.FOLLOW_UP_COUNT, asked + 1);
            execution.setVariable(Var.CURRENT_PROMPT, FormMarkdown.escape(followUp));
        }
    }
}
