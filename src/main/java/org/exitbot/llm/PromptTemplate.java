package org.exitbot.llm;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt: system and user text with {@code {{placeholders}}}, and the JSON schema the answer
 * must follow. Values are inserted verbatim and never read again as template text.
 */
public record PromptTemplate(String name, String version, String system, String user, Map<String, Object> schema) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    /** {@code name/version}, the form recorded with every result. */
    public String id() {
        return name + "/" + version;
    }

    public String renderSystem(Map<String, ?> values) {
        return render(system, values);
    }

    public String renderUser(Map<String, ?> values) {
        return render(user, values);
    }

    private String render(String template, Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Prompt " + id() + " needs a value for " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
