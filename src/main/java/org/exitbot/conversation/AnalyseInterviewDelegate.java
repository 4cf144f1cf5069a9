package org.exitbot.conversation;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.llm.LlmUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class AnalyseInterviewDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(AnalyseInterviewDelegate.class);

    private final AnalysisService analyses;

    AnalyseInterviewDelegate(AnalysisService analyses) {
        this.analyses = analyses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            analyses.analyse(ExitInterviewProcess.interviewId(execution));
        } catch (LlmUnavailableException e) {
            log.warn("Interview {} is analysed by the fallback: {}", execution.getProcessBusinessKey(), e.getMessage());
            throw new BpmnError(ExitInterviewProcess.LLM_UNAVAILABLE_ERROR, e.getMessage());
        }
    }
}
