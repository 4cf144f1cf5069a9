package org.exitbot.system;

/**
 * Text for a Tasklist form's text component, which form-js fills in ({@code {{summary}}}) and then renders as
 * Markdown (marked, GFM): every ASCII punctuation character is escaped with a backslash, so that text an employee
 * wrote or an LLM made (a steered summary, a follow-up question) shows as the characters it is, and can render no
 * link, image, autolink ({@code https://}, {@code www.}, an e-mail address), HTML, heading, list or emphasis.
 */
public final class FormMarkdown {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private FormMarkdown() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        var escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (PUNCTUATION.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
