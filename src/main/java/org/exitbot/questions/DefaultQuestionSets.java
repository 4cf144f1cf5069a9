package org.exitbot.questions;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Publishes the built-in question set in every locale it has, the first time the app starts. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DefaultQuestionSets implements ApplicationRunner {

    static final String RESOURCE = "question-sets/default.json";
    private static final Logger log = LoggerFactory.getLogger(DefaultQuestionSets.class);

    private final QuestionSetService questionSets;
    private final ObjectMapper objectMapper;

    DefaultQuestionSets(QuestionSetService questionSets, ObjectMapper objectMapper) {
        this.questionSets = questionSets;
        this.objectMapper = objectMapper;
    }

    record LocalisedQuestion(String id, Map<String, String> text) {
    }

    record BuiltInSet(String name, Map<String, String> title, List<LocalisedQuestion> questions) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        BuiltInSet builtIn;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            builtIn = objectMapper.readValue(in, BuiltInSet.class);
        }
        if (questionSets.exists(builtIn.name())) {
            return;
        }
        for (String locale : builtIn.title().keySet()) {
            var questions = builtIn.questions().stream()
                    .map(q -> new Question(q.id(), q.text().get(locale)))
                    .toList();
            questionSets.publish(builtIn.name(), locale,
                    new QuestionSetContent(builtIn.title().get(locale), questions), "system");
        }
        log.info("Published the built-in question set '{}' in {}", builtIn.name(), builtIn.title().keySet());
    }
}
