package org.exitbot.analysis;

import java.util.List;

/** Sentiment and themes of one answer. {@code score} is in [-1, 1], or null when the sentiment is unknown. */
public record AnswerInsight(Sentiment sentiment, Double score, List<ThemeEvidence> themes) {
}
