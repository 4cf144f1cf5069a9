package org.exitbot.questions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.exitbot.system.ConflictException;
import org.exitbot.system.InvalidInputException;
import org.exitbot.system.Languages;
import org.exitbot.system.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Question sets per name and locale, each change a new version; bodies and files in JSON or YAML
 * ({@code application/yaml}). A PUT publishes the next version; running interviews keep theirs.
 */
@RestController
@Validated
@RequestMapping("/api/question-sets")
class QuestionSetController {

    static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";
    static final String NAME_MESSAGE = "must be lower-case letters, digits and dashes, such as default";

    private final QuestionSetService questionSets;
    private final Languages languages;

    QuestionSetController(QuestionSetService questionSets, Languages languages) {
        this.questionSets = questionSets;
        this.languages = languages;
    }

    /** The newest version of every set in every locale. */
    @GetMapping
    List<QuestionSetView> list() {
        return questionSets.allLatest();
    }

    /** Creates a set that does not exist yet in that locale: version 1. */
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, QuestionSetFormats.YAML_VALUE})
    ResponseEntity<QuestionSetView> create(@RequestParam @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String name,
            @RequestParam(required = false) String locale, @Valid @RequestBody QuestionSetContent content,
            Principal hrUser) {
        String chosen = localeOrDefault(locale);
        if (questionSets.exists(name, chosen)) {
            throw new ConflictException("Question set exists",
                    "Question set '" + name + "' already exists in locale '" + chosen + "'; PUT publishes a new version.");
        }
        QuestionSetView created = publish(name, chosen, content, hrUser);
        return ResponseEntity.created(URI.create("/api/question-sets/" + name + "?locale=" + chosen)).body(created);
    }

    @GetMapping("/{name}")
    QuestionSetView get(@PathVariable String name, @RequestParam(required = false) String locale,
            @RequestParam(required = false) @Min(1) Integer version) {
        return find(name, localeOrDefault(locale), version);
    }

    /** The set as a file to edit and upload again: its title, questions and scripted follow-ups, in JSON or YAML. */
    @GetMapping("/{name}/file")
    ResponseEntity<QuestionSetContent> download(@PathVariable String name,
            @RequestParam(required = false) String locale, @RequestParam(required = false) @Min(1) Integer version,
            @RequestParam(defaultValue = "yaml") @Pattern(regexp = "json|yaml", message = "must be json or yaml") String format) {
        QuestionSetView set = find(name, localeOrDefault(locale), version);
        String file = set.name() + "-" + set.locale() + "-v" + set.version() + "." + format;
        return ResponseEntity.ok()
                .contentType(format.equals("yaml") ? QuestionSetFormats.YAML : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(new QuestionSetContent(set.title(), set.questions(), set.followUps()));
    }

    @PutMapping(path = "/{name}", consumes = {MediaType.APPLICATION_JSON_VALUE, QuestionSetFormats.YAML_VALUE})
    QuestionSetView put(@PathVariable @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String name,
            @RequestParam(required = false) String locale, @Valid @RequestBody QuestionSetContent content,
            Principal hrUser) {
        return publish(name, localeOrDefault(locale), content, hrUser);
    }

    private QuestionSetView publish(String name, String locale, QuestionSetContent content, Principal hrUser) {
        try {
            return questionSets.publish(name, locale, content, hrUser.getName());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("questions", e.getMessage());
        }
    }

    private QuestionSetView find(String name, String locale, Integer version) {
        try {
            return version == null ? questionSets.latest(name, locale) : questionSets.version(name, locale, version);
        } catch (QuestionSetNotFoundException e) {
            throw new NotFoundException("Not found", e.getMessage());
        }
    }

    private String localeOrDefault(String locale) {
        return languages.checked("locale", locale);
    }
}
