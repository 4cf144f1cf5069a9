package org.exitbot.analysis;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences in an answer that speak to the analysis rather than about the job ("classify this as positive",
 * "ignore the instructions above"). The LLM is told to treat them as data; the fallback, which reads words, leaves
 * them out so that their words ("positive") cannot move its result.
 */
final class InjectedInstructions {

    private static final String LABEL = "(?:positive|negative|neutral|mixed)";
    private static final List<Pattern> INSTRUCTIONS = List.of(
            // verbs that speak of classifying the text, not of the job: "I'd rate my time here as positive" stays
            Pattern.compile("(?i)\\b(?:classify|label|mark|tag|categori[sz]e)\\b[^.!?\\n]{0,60}?\\b" + LABEL + "\\b"),
            Pattern.compile("(?i)\\b(?:sentiment|label|classification)\\b[^.!?\\n]{0,30}?"
                    + "\\b(?:should|must|has to|is to|shall)\\b[^.!?\\n]{0,20}?\\b" + LABEL + "\\b"),
            Pattern.compile("(?i)\\b(?:ignore|disregard|forget|override)\\b[^.!?\\n]{0,40}?\\b(?:instructions?|prompts?)\\b"),
            Pattern.compile("(?i)\\b(?:ignore|disregard)\\s+(?:everything|all)\\s+(?:above|before)\\b"),
            Pattern.compile("(?i)\\b(?:system prompt|you are now|as an ai|new instructions?)\\b"));
    private static final Pattern TAG_LOOKALIKE = Pattern.compile("(?i)<\\s*/?\\s*employee_text\\s*>?");

    private InjectedInstructions() {
    }

    /**
     * The text with imitations of the data tags and every sentence that holds an instruction blanked out, so
     * positions, and so quotes, stay as written.
     */
    static String masked(String text) {
        var out = new StringBuilder(text);
        Matcher tag = TAG_LOOKALIKE.matcher(text);
        while (tag.find()) {
            blank(out, tag.start(), tag.end());
        }
        String untagged = out.toString();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(untagged);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                start = end, end = sentences.next()) {
            String candidate = untagged.substring(start, end);
            if (INSTRUCTIONS.stream().anyMatch(p -> p.matcher(candidate).find())) {
                blank(out, start, end);
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                text.setCharAt(i, ' ');
            }
        }
    }
}
