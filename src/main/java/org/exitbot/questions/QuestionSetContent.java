package org.exitbot.questions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The editable part of a question set: the body of {@code PUT /api/question-sets/{name}}. */
public record QuestionSetContent(
        @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 20) List<@Valid Question> questions) {
}
