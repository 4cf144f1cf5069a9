package org.exitbot.interview;

import java.util.List;

/** One question of an interview with everything said about it, in order: question, replies, follow-ups. */
public record QuestionThread(int questionNumber, String questionId, List<Message> messages) {

    public String question() {
        return messages.get(0).getText();
    }

    public List<Message> answers() {
        return messages.stream().filter(m -> m.getKind() == MessageKind.ANSWER).toList();
    }
}
