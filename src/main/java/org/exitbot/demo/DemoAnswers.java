package org.exitbot.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.system.Languages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The answers demo employees give, per language ({@code demo/answers-<locale>.json}): written for the demo, each
 * about one theme of the taxonomy with one sentiment, as the fallback analyser reads them.
 */
@Component
class DemoAnswers {

    static final String RESOURCE = "demo/answers-%s.json";

    record Answer(Theme theme, Sentiment sentiment, String text) {
    }

    record AnswerFile(@JsonProperty("_comment") String comment, List<Answer> answers) {
    }

    private final Map<String, List<Answer>> byLocale;

    DemoAnswers(ObjectMapper objectMapper, Languages languages) {
        this.byLocale = languages.locales().stream()
                .filter(locale -> new ClassPathResource(RESOURCE.formatted(locale)).exists())
                .collect(Collectors.toMap(locale -> locale, locale -> read(objectMapper, locale)));
    }

    List<String> locales() {
        return byLocale.keySet().stream().sorted().toList();
    }

    List<Answer> of(String locale) {
        return byLocale.get(locale);
    }

    /** The n-th answer about {@code theme} with {@code sentiment}, else the n-th with that sentiment. */
    String pick(String locale, Theme theme, Sentiment sentiment, int n) {
        List<Answer> all = of(locale);
        List<Answer> matching = all.stream().filter(a -> a.theme() == theme && a.sentiment() == sentiment).toList();
        if (matching.isEmpty()) {
            matching = all.stream().filter(a -> a.sentiment() == sentiment).toList();
        }
        return matching.get(Math.floorMod(n, matching.size())).text();
    }

    private static List<Answer> read(ObjectMapper objectMapper, String locale) {
        try (InputStream in = new ClassPathResource(RESOURCE.formatted(locale)).getInputStream()) {
            return objectMapper.readValue(in, AnswerFile.class).answers();
        } catch (IOException e) {
            throw new UncheckedIOException("Demo answers for " + locale + " are missing or unreadable", e);
        }
    }
}
