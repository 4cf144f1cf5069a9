package org.exitbot.questions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Publishes the built-in question set in every locale it has, the first time the app starts. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DefaultQuestionSets implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultQuestionSets.class);

    private final QuestionSetService questionSets;
    private final BuiltInQuestionSet builtIn;

    DefaultQuestionSets(QuestionSetService questionSets, BuiltInQuestionSet builtIn) {
        this.questionSets = questionSets;
        this.builtIn = builtIn;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (questionSets.exists(builtIn.name())) {
            return;
        }
        for (String locale : builtIn.locales()) {
            questionSets.publish(builtIn.name(), locale, builtIn.in(locale), "system");
        }
        log.info("Published the built-in question set '{}' in {}", builtIn.name(), builtIn.locales());
    }
}
