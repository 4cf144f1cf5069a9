package org.exitbot.conversation;

import java.util.List;
import java.util.Map;
import org.exitbot.conversation.ExitInterviewProcess.Var;
import org.exitbot.llm.LlmTask;
import org.exitbot.llm.LlmTopic;
import org.springframework.stereotype.Component;

/**
 * Decide on follow-up: the employee waits for it, so its budget counts from the moment they answered (when the
 * engine created the task), however long the task waited for a slot.
 */
@Component
class DecideFollowUpTopic implements LlmTopic<FollowUpDecision> {

    static final String TOPIC = "decide-follow-up";

    private final FollowUps followUps;
    private final ConversationProperties properties;

    DecideFollowUpTopic(FollowUps followUps, ConversationProperties properties) {
        this.followUps = followUps;
        this.properties = properties;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public List<String> variables() {
        return List.of(Var.INTERVIEW_ID, Var.QUESTION_NUMBER, Var.QUESTION_COUNT, Var.FOLLOW_UP_COUNT,
                Var.FOLLOW_UP_ASKED);
    }

    @Override
    public FollowUpDecision call(LlmTask task) {
        return followUps.decide(task.uuid(Var.INTERVIEW_ID), task.integer(Var.QUESTION_NUMBER),
                task.integer(Var.QUESTION_COUNT), task.integer(Var.FOLLOW_UP_COUNT),
                task.createdAt().plus(properties.followUpBudget()));
    }

    @Override
    public Map<String, Object> complete(LlmTask task, FollowUpDecision decision) {
        String followUp = followUps.record(task.uuid(Var.INTERVIEW_ID), task.integer(Var.QUESTION_NUMBER), decision);
        return ExitInterviewProcess.followUpVariables(
                followUp == null ? null : followUps.shownOnTheTask(task.uuid(Var.INTERVIEW_ID), followUp),
                task.integer(Var.FOLLOW_UP_COUNT), task.variables().containsKey(Var.FOLLOW_UP_ASKED));
    }
}
