package org.exitbot.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Employee text goes to the LLM between tags, as data. Text that imitates those tags is defused so it cannot
 * close the data block early and pose as instructions.
 */
public final class DelimitedText {

    private static final Pattern TAG_LOOKALIKE = Pattern.compile("(?i)<\\s*/?\\s*employee_text\\b");

    private DelimitedText() {
    }

    public static String defuse(String text) {
        return TAG_LOOKALIKE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group().replace('<', '‹')));
    }
}
