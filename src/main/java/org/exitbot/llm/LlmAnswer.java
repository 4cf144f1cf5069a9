package org.exitbot.llm;

/** A validated structured answer with what produced it, so results can be traced and re-run. */
public record LlmAnswer<T>(T value, String model, String promptVersion) {
}
