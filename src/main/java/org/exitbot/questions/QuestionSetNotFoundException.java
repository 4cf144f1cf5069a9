package org.exitbot.questions;

public class QuestionSetNotFoundException extends RuntimeException {

    public QuestionSetNotFoundException(String name, String locale) {
        super("There is no question set '" + name + "' in locale '" + locale + "'");
    }
}
