package org.exitbot.system;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/** JSON variables for the Tasklist forms, which show JSON lists as tables and selects. */
@Component
public class JsonVariables {

    private final ObjectMapper objectMapper;

    JsonVariables(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * A JSON value as a form or a REST client submitted it: a JSON variable, JSON text, or a list or map; null for
     * none. Anything else is one of the {@code problems}.
     */
    public JsonNode read(Object value, String field, List<FieldError> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof SpinJsonNode spin) {
                return objectMapper.readTree(spin.toString());
            }
            if (value instanceof String text) {
                return text.isBlank() ? null : objectMapper.readTree(text);
            }
            if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                return objectMapper.valueToTree(value);
            }
        } catch (JsonProcessingException e) {
            problems.add(new FieldError(field, "must be JSON"));
            return null;
        }
        problems.add(new FieldError(field, "must be a list, not a " + value.getClass().getSimpleName()));
        return null;
    }

    /** The texts of a submitted list of codes: {@link #read}, then {@link #texts}. */
    public List<String> codes(Object value, String field, List<FieldError> problems) {
        return texts(read(value, field, problems), field, problems);
    }

    /** The texts of a JSON list of codes (as a taglist or checklist submits them); none for null. */
    public static List<String> texts(JsonNode node, String field, List<FieldError> problems) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new FieldError(field, "must be a list of theme codes"));
            return List.of();
        }
        var texts = new ArrayList<String>();
        node.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    public JsonValue json(Object value) {
        try {
            return jsonValue(objectMapper.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
