package org.exitbot.questions;

import java.time.Instant;
import java.util.List;

/**
 * A question set version as the API and the process see it.
 *
 * @param followUps its scripted follow-ups, or the built-in ones of its locale when it was saved without
 */
public record QuestionSetView(Long id, String name, String locale, int version, String title,
        List<Question> questions, ScriptedFollowUps followUps, Instant createdAt, String createdBy) {

    public Question question(int number) {
        return questions.get(number - 1);
    }

    public int size() {
        return questions.size();
    }
}
