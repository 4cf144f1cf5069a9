package org.exitbot.conversation;

import java.util.List;
import java.util.Map;
import org.exitbot.analysis.Reanalysis;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.llm.LlmTask;
import org.exitbot.llm.LlmTopic;
import org.springframework.stereotype.Component;

/** Analyse interview: each answer, then the interview, by the LLM; stored together once every call succeeded. */
@Component
class AnalyseInterviewTopic implements LlmTopic<Reanalysis.Findings> {

    static final String TOPIC = "analyse-interview";

    private final Reanalysis analysis;

    AnalyseInterviewTopic(Reanalysis analysis) {
        this.analysis = analysis;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public List<String> variables() {
        return List.of(Var.INTERVIEW_ID);
    }

    @Override
    public Reanalysis.Findings call(LlmTask task) {
        return analysis.judge(task.uuid(Var.INTERVIEW_ID));
    }

    @Override
    public Map<String, Object> complete(LlmTask task, Reanalysis.Findings findings) {
        analysis.store(findings);
        return Map.of();
    }
}
