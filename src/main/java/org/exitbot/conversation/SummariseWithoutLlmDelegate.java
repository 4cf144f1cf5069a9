package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Summarise without LLM: the LLM failed or ran out of time, so the employee checks the automatic summary. */
@Component
class SummariseWithoutLlmDelegate implements JavaDelegate {

    private final SummaryForEmployee summary;

    SummariseWithoutLlmDelegate(SummaryForEmployee summary) {
        this.summary = summary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        summary.withoutLlm(ExitInterviewProcess.interviewId(execution));
        execution.setVariable(ExitInterviewProcess.Var.LLM_FALLBACK, true);
        execution.setVariable(ExitInterviewProcess.Var.SUMMARISED, true);
    }
}
