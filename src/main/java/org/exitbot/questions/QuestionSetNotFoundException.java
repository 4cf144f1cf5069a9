package org.exitbot.questions;

public class QuestionSetNotFoundException extends RuntimeException {

    public QuestionSetNotFoundException(String name, String locale) {
        super("There is no question set '" + name + "' in locale '" + locale + "'");
    }

    public QuestionSetNotFoundException(String name, String locale, int version) {
        super("There is no version " + version + " of question set '" + name + "' in locale '" + locale + "'");
    }
}
