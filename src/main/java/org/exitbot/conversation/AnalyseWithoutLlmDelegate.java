package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.analysis.AnalysisService;
import org.springframework.stereotype.Component;

@Component
class AnalyseWithoutLlmDelegate implements JavaDelegate {

    private final AnalysisService analyses;

    AnalyseWithoutLlmDelegate(AnalysisService analyses) {
        this.analyses = analyses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        analyses.analyseWithoutLlm(ExitInterviewProcess.interviewId(execution));
        execution.setVariable(ExitInterviewProcess.Var.LLM_FALLBACK, true);
    }
}
