package org.exitbot.llm;

/** The LLM had not started to answer by the deadline the caller gave; the call was cancelled. */
public class LlmOutOfTimeException extends LlmUnavailableException {

    public LlmOutOfTimeException(String message) {
        super(message, null);
    }
}
