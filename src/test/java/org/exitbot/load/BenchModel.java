package org.exitbot.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.exitbot.llm.NaiveModel;
import org.exitbot.llm.OllamaStub.ChatRequest;
import org.exitbot.llm.OllamaStub.Reply;

/**
 * The model the benchmark's stub plays: {@link NaiveModel}'s judgement, written in the shape of whatever JSON
 * schema the request asks for (in the schema's order, as Ollama's constrained output writes it), and a follow-up
 * asked while the prompt holds at most {@code followUpsPerQuestion} of the employee's replies to the question.
 * It reads only the schema and the {@code <employee_text>} blocks, so it keeps working when prompts change.
 */
final class BenchModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOLLOW_UPS = List.of(
            "Thank you for sharing that. Could you tell me a little more about what made the biggest difference for you?",
            "That sounds like it mattered a lot. What would have needed to change for you to want to stay?",
            "I appreciate you being open about this. Can you describe a moment when you felt this most clearly?",
            "Thanks for explaining. How did this affect your day-to-day work and the way you felt about the team?");

    private final int followUpsPerQuestion;

    BenchModel(int followUpsPerQuestion) {
        this.followUpsPerQuestion = followUpsPerQuestion;
    }

    Reply reply(ChatRequest request) {
        Reply naive = NaiveModel.reply(request);
        JsonNode schema = request.body().path("format").path("properties");
        if (!schema.isObject()) {
            return naive;
        }
        ObjectNode judged = parse(naive.content());
        int replies = request.employeeTexts().size();
        boolean ask = replies > 0 && replies <= followUpsPerQuestion;
        judged.put("askFollowUp", ask);
        judged.put("followUp", ask ? FOLLOW_UPS.get(Math.floorMod(request.employeeTexts().get(replies - 1).hashCode(),
                FOLLOW_UPS.size())) : "");
        ObjectNode reply = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> property : schema.properties()) {
            JsonNode value = judged.get(property.getKey());
            reply.set(property.getKey(), value != null ? value : emptyOf(property.getValue()));
        }
        return Reply.json(reply);
    }

    private static JsonNode emptyOf(JsonNode schema) {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        return switch (schema.path("type").asText()) {
            case "boolean" -> JSON.getNodeFactory().booleanNode(false);
            case "number", "integer" -> JSON.getNodeFactory().numberNode(0);
            case "array" -> JSON.createArrayNode();
            case "object" -> JSON.createObjectNode();
            default -> JSON.getNodeFactory().textNode("");
        };
    }

    private static ObjectNode parse(String content) {
        try {
            return (ObjectNode) JSON.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
