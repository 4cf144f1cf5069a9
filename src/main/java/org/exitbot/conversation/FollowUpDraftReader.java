package org.exitbot.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the follow-up question out of the LLM's JSON while it is still being written. The schema puts
 * {@code askFollowUp} first and {@code followUp} second, and Ollama writes properties in schema order, so the
 * question's text arrives early and can be shown as it grows.
 */
final class FollowUpDraftReader {

    private static final Pattern START = Pattern.compile("\"askFollowUp\"\\s*:\\s*true\\s*,\\s*\"followUp\"\\s*:\\s*\"");

    private FollowUpDraftReader() {
    }

    /** The follow-up's text so far, unescaped, or empty while there is none (or none will be asked). */
    static String textSoFar(String partialJson) {
        Matcher start = START.matcher(partialJson);
        if (!start.find()) {
            return "";
        }
        var text = new StringBuilder();
        for (int i = start.end(); i < partialJson.length(); i++) {
            char c = partialJson.charAt(i);
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (i + 1 >= partialJson.length()) {
                break;
            }
            char escaped = partialJson.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b', 'f' -> { }
                case 'u' -> {
                    if (i + 4 >= partialJson.length()) {
                        return text.toString();
                    }
                    text.append((char) Integer.parseInt(partialJson.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> text.append(escaped);
            }
        }
        return text.toString();
    }
}
