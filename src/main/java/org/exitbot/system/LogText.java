package org.exitbot.system;

import java.util.Arrays;

/**
 * Text from outside (a leaver's name, an answer, an LLM's words) made safe to log: on one line, its line breaks and
 * other control characters written as escapes, so that it cannot start a log line of its own.
 */
public final class LogText {

    private LogText() {
    }

    public static String oneLine(Object value) {
        String text = value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && safe == null) {
                safe = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static String escape(char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\t') {
            return null;
        }
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
