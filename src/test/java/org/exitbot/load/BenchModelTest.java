package org.exitbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.exitbot.llm.OllamaStub.ChatRequest;
import org.junit.jupiter.api.Test;

class BenchModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DECISION = """
            {"type":"object","properties":{"askFollowUp":{"type":"boolean"},"followUp":{"type":"string"},
             "sentiment":{"type":"string","enum":["negative","neutral","positive","mixed"]},"score":{"type":"number"},
             "themes":{"type":"array"}}}""";

    private final BenchModel model = new BenchModel(1);

    @Test
    void asksOneFollowUpOnTheFirstReplyToAQuestion() throws Exception {
        JsonNode reply = reply(DECISION, "<employee_text>I hated the hours.</employee_text>");

        assertThat(fieldNames(reply)).containsExactly("askFollowUp", "followUp", "sentiment", "score", "themes");
        assertThat(reply.path("askFollowUp").asBoolean()).isTrue();
        assertThat(reply.path("followUp").asText()).endsWith("?");
        assertThat(reply.path("sentiment").asText()).isEqualTo("negative");
    }

    @Test
    void noFollowUpOnceTheQuestionHasThatMany() throws Exception {
        JsonNode reply = reply(DECISION, "Employee: <employee_text>Pay.</employee_text>\n<employee_text>Mostly the pay.</employee_text>");

        assertThat(reply.path("askFollowUp").asBoolean()).isFalse();
        assertThat(reply.path("followUp").asText()).isEmpty();
    }

    @Test
    void writesExactlyTheSchemasFieldsAndFillsThoseItKnowsNothingAbout() throws Exception {
        JsonNode reply = reply("""
                {"type":"object","properties":{"followUp":{"type":"string"},"urgency":{"type":"string","enum":["low","high"]},
                 "confidence":{"type":"number"}}}""", "<employee_text>Fine.</employee_text>");

        assertThat(fieldNames(reply)).containsExactly("followUp", "urgency", "confidence");
        assertThat(reply.path("urgency").asText()).isEqualTo("low");
        assertThat(reply.path("confidence").isNumber()).isTrue();
    }

    private JsonNode reply(String schema, String user) throws Exception {
        JsonNode body = JSON.readTree("{\"model\":\"m\",\"format\":" + schema + ",\"messages\":[{\"role\":\"system\","
                + "\"content\":\"You are ExitBot.\"},{\"role\":\"user\",\"content\":" + JSON.writeValueAsString(user) + "}]}");
        return JSON.readTree(model.reply(new ChatRequest(body)).content());
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
