package org.exitbot.questions;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The built-in question set {@value #RESOURCE}: its questions and scripted follow-ups in every locale it has. */
@Component
class BuiltInQuestionSet {

    static final String RESOURCE = "question-sets/default.json";

    record LocalisedQuestion(String id, Map<String, String> text) {
    }

    record LocalisedTheme(Map<String, String> probe, Map<String, String> acknowledgement) {
    }

    record LocalisedFollowUps(Map<String, String> sayMore, Map<String, String> acknowledgement,
            Map<String, LocalisedTheme> themes) {
    }

    record Content(String name, Map<String, String> title, List<LocalisedQuestion> questions,
            LocalisedFollowUps followUps) {
    }

    private final Content content;

    BuiltInQuestionSet(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.content = objectMapper.readValue(in, Content.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return content.name();
    }

    Iterable<String> locales() {
        return content.title().keySet();
    }

    QuestionSetContent in(String locale) {
        return new QuestionSetContent(content.title().get(locale), content.questions().stream()
                .map(q -> new Question(q.id(), q.text().get(locale)))
                .toList(), followUps(locale));
    }

    /** The built-in scripted follow-ups in {@code locale}, or those in English for a locale it lacks. */
    ScriptedFollowUps followUps(String locale) {
        String chosen = content.title().containsKey(locale) ? locale : "en";
        LocalisedFollowUps followUps = content.followUps();
        var themes = new LinkedHashMap<String, ScriptedFollowUps.ThemeFollowUp>();
        followUps.themes().forEach((code, theme) -> themes.put(code,
                new ScriptedFollowUps.ThemeFollowUp(theme.probe().get(chosen), theme.acknowledgement().get(chosen))));
        return new ScriptedFollowUps(followUps.sayMore().get(chosen), followUps.acknowledgement().get(chosen), themes);
    }
}
