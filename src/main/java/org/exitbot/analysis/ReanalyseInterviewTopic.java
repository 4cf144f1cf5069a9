package org.exitbot.analysis;

import java.util.List;
import java.util.Map;
import org.exitbot.llm.LlmTask;
import org.exitbot.llm.LlmTopic;
import org.springframework.stereotype.Component;

/** Re-analyse interview, in the background: the worker takes it only while no employee waits for a follow-up. */
@Component
class ReanalyseInterviewTopic implements LlmTopic<Reanalysis.Findings> {

    static final String TOPIC = "reanalyse-interview";

    private final Reanalysis reanalysis;

    ReanalyseInterviewTopic(Reanalysis reanalysis) {
        this.reanalysis = reanalysis;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public List<String> variables() {
        return List.of(ReanalysisQueue.INTERVIEW_ID);
    }

    @Override
    public Reanalysis.Findings call(LlmTask task) {
        return reanalysis.judge(task.uuid(ReanalysisQueue.INTERVIEW_ID));
    }

    @Override
    public Map<String, Object> complete(LlmTask task, Reanalysis.Findings findings) {
        reanalysis.store(findings);
        return Map.of();
    }
}
