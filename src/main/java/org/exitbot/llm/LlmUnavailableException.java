package org.exitbot.llm;

/** The LLM gave no usable answer: unreachable, erroring, timing out, or malformed output after a retry. */
public class LlmUnavailableException extends RuntimeException {

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
