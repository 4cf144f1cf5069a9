package org.exitbot.system;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/** JSON variables for the Tasklist forms, which show JSON lists as tables and selects. */
@Component
public class JsonVariables {

    private final ObjectMapper objectMapper;

    JsonVariables(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public JsonValue json(Object value) {
        try {
            return jsonValue(objectMapper.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
