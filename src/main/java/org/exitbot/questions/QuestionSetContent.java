package org.exitbot.questions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The editable part of a question set: the body of {@code PUT /api/question-sets/{name}}.
 *
 * @param followUps the scripted follow-ups for interviews without the LLM; when left out, the built-in ones of the
 *                  set's locale
 */
public record QuestionSetContent(
        @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 20) List<@Valid Question> questions,
        @Valid ScriptedFollowUps followUps) {

    public QuestionSetContent(String title, List<Question> questions) {
        this(title, questions, null);
    }
}
