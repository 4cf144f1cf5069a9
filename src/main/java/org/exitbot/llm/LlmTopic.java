package org.exitbot.llm;

import java.util.List;
import java.util.Map;

/**
 * A topic of external tasks whose work is an LLM call, served by {@link LlmWorker}: {@link #call} asks the LLM
 * with no transaction open, {@link #complete} stores what it said in the short transaction that completes the task.
 * A bean named after its BPMN task ({@code Decide on follow-up}: {@code decideFollowUpTopic}); its topic is that
 * name in kebab case ({@code decide-follow-up}).
 *
 * @param <R> what the call found
 */
public interface LlmTopic<R> {

    String topic();

    /** The process variables {@link #call} and {@link #complete} read. */
    List<String> variables();

    /**
     * Asks the LLM. Runs outside any transaction: it may read the database, but holds no connection while the model
     * answers.
     *
     * @throws LlmUnavailableException when the LLM fails; the task then ends in the BPMN error {@code LLM_UNAVAILABLE}
     */
    R call(LlmTask task);

    /** Stores {@code result}; runs in the transaction that completes the task. Returns the variables to set. */
    Map<String, Object> complete(LlmTask task, R result);
}
