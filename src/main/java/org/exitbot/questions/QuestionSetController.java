package org.exitbot.questions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.system.InvalidInputException;
import org.exitbot.system.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The newest version of a question set in one locale; a PUT publishes the next version. */
@RestController
@Validated
@RequestMapping("/api/question-sets/{name}")
class QuestionSetController {

    private final QuestionSetService questionSets;
    private final InterviewProperties interviews;

    QuestionSetController(QuestionSetService questionSets, InterviewProperties interviews) {
        this.questionSets = questionSets;
        this.interviews = interviews;
    }

    @GetMapping
    QuestionSetView get(@PathVariable String name, @RequestParam(required = false) String locale) {
        try {
            return questionSets.latest(name, localeOrDefault(locale));
        } catch (QuestionSetNotFoundException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        }
    }

    @PutMapping
    QuestionSetView put(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
            message = "must be lower-case letters, digits and dashes") String name,
            @RequestParam(required = false) String locale, @Valid @RequestBody QuestionSetContent content,
            Principal hrUser) {
        try {
            return questionSets.publish(name, localeOrDefault(locale), content, hrUser.getName());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("questions", e.getMessage());
        }
    }

    private String localeOrDefault(String locale) {
        String chosen = locale == null ? interviews.defaultLocale() : locale;
        if (!interviews.locales().contains(chosen)) {
            throw new InvalidInputException("locale", "must be one of " + String.join(", ", interviews.locales()));
        }
        return chosen;
    }
}
