package org.exitbot.questions;

import java.time.Instant;
import java.util.List;

/** A question set version as the API and the process see it. */
public record QuestionSetView(Long id, String name, String locale, int version, String title,
        List<Question> questions, Instant createdAt, String createdBy) {

    public Question question(int number) {
        return questions.get(number - 1);
    }

    public int size() {
        return questions.size();
    }
}
