package org.exitbot.interview;

import org.exitbot.system.InvalidInputException;

/** The rules an employee's answer must meet. Accepted text is stored exactly as written. */
public final class AnswerText {

    private AnswerText() {
    }

    public static String check(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "must not be empty");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidInputException("text", "must be at most " + maxLength + " characters");
        }
        boolean hasControlCharacters = text.codePoints()
                .anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t');
        if (hasControlCharacters) {
            throw new InvalidInputException("text", "must not contain control characters");
        }
        return text;
    }
}
