package org.exitbot.analysis;

import java.util.List;

/** Evidence must be the employee's own words: quotes that are not in the text are dropped. */
public final class Quotes {

    private Quotes() {
    }

    public static List<ThemeEvidence> keepVerbatim(List<ThemeEvidence> evidence, String employeeText) {
        return evidence.stream()
                .map(e -> new ThemeEvidence(e.theme(), trimQuoteMarks(e.quote())))
                .filter(e -> isVerbatim(e.quote(), employeeText))
                .toList();
    }

    /** Whether {@code quote}, less surrounding quote marks, is a non-empty substring of the employee's text. */
    public static boolean isVerbatim(String quote, String employeeText) {
        String trimmed = trimQuoteMarks(quote);
        return !trimmed.isEmpty() && employeeText.contains(trimmed);
    }

    private static String trimQuoteMarks(String quote) {
        return quote.strip().replaceAll("^[\"'“”‘’«»„]+|[\"'“”‘’«»„]+$", "").strip();
    }
}
