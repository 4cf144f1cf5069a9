package org.exitbot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exitbot.analysis.Reanalysis;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.llm.LlmTask;
import org.exitbot.llm.LlmTopic;
import org.springframework.stereotype.Component;

/**
 * Summarise interview: the interview's analysis by the LLM while the employee waits to check its summary, so its
 * budget counts from the moment they finished reviewing their answers, however long the task waited for a slot.
 */
@Component
class SummariseInterviewTopic implements LlmTopic<Reanalysis.Findings> {

    static final String TOPIC = "summarise-interview";

    private final Reanalysis analysis;
    private final SummaryForEmployee summary;
    private final ConversationProperties properties;

    SummariseInterviewTopic(Reanalysis analysis, SummaryForEmployee summary, ConversationProperties properties) {
        this.analysis = analysis;
        this.summary = summary;
        this.properties = properties;
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
        Instant answeredBy = task.createdAt().plus(properties.summaryBudget());
        return analysis.judgeBy(task.uuid(Var.INTERVIEW_ID), answeredBy);
    }

    @Override
    public Map<String, Object> complete(LlmTask task, Reanalysis.Findings findings) {
        summary.store(findings);
        return Map.of(Var.SUMMARISED, true);
    }
}
