package org.exitbot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exitbot.llm.OllamaStub;
import org.exitbot.llm.OllamaStub.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on a tiny labelled set of its own, in both modes: the LLM mode against the Ollama stub. */
class AnalysisEvaluationTest {

    @TempDir
    Path folder;

    @Test
    @SuppressWarnings("unchecked")
    void measuresBothModesOnAnyLabelledSetInTheSharedFormatAndWritesTheReport() throws Exception {
        Path answers = folder.resolve("answers.jsonl");
        Files.writeString(answers, """
                {"id": "t-1", "question": "reasons_for_leaving", "lang": "en", "text": "I was underpaid and my manager never listened.", "sentiment": "negative", "themes": ["compensation_benefits", "manager_relationship"]}
                {"id": "t-2", "question": "improvements", "lang": "de", "text": "Mehr Homeoffice wäre gut.", "sentiment": "neutral", "themes": ["work_life_balance"]}
                """);
        Path personas = folder.resolve("personas.json");
        Files.writeString(personas, """
                [{"id": "p-1", "lang": "en", "answers": {"reasons_for_leaving": "The salary was far below market."},
                  "followup_answers": [], "expect": {"sentiment": "negative", "themes": ["compensation_benefits"]}}]
                """);
        try (var ollama = new OllamaStub()) {
            ollama.respondWith(request -> request.labelledReplies().isEmpty() ? OllamaStub.plausibleReply(request)
                    : Reply.json(Map.of("sentiment", "negative", "score", -0.7, "themes", List.of(),
                            "answers", request.labelledReplies().entrySet().stream().map(reply -> Map.of(
                                    "reply", reply.getKey(), "sentiment", "negative", "score", -0.7,
                                    "themes", List.of(Map.of("theme", "compensation_benefits", "quote", reply.getValue()))))
                                    .toList(),
                            "summary", List.of(Map.of("statement", "The employee was unhappy.",
                                    "evidence", request.employeeTexts().get(0))))));
            var figures = new AnalysisEvaluation().evaluate(answers, personas,
                    List.of(AnalysisEvaluation.fallback(), AnalysisEvaluation.llm(ollama.baseUrl(), "llama3.1:8b")));

            var llm = (Map<String, Object>) figures.get("llm");
            assertThat(ollama.violations()).isEmpty();
            assertThat(ollama.requests()).hasSize(3);
            assertThat(llm.get("llm_failures")).isEqualTo(0);
            assertThat(((Map<String, Number>) llm.get("sentiment_accuracy")).get("en").doubleValue()).isEqualTo(1.0);
            assertThat(((Map<String, Number>) llm.get("sentiment_accuracy")).get("de").doubleValue()).isZero();
            assertThat(((Map<String, Number>) llm.get("theme_micro_f1")).get("overall").doubleValue())
                    .as("one of three themes found, one wrongly: P 1/2, R 1/3").isEqualTo(0.4);
            var fallback = (Map<String, Object>) figures.get("fallback");
            assertThat(((Map<String, Number>) fallback.get("sentiment_coverage")).get("de").doubleValue()).isEqualTo(1.0);
            assertThat(fallback).containsKey("interviews");

            Path report = folder.resolve("eval/report.json");
            AnalysisEvaluation.write(figures, report);
            var written = LabelledData.JSON.readTree(report.toFile());
            for (String mode : List.of("fallback", "llm")) {
                for (String figure : List.of("sentiment_macro_f1", "sentiment_accuracy", "theme_micro_f1")) {
                    assertThat(written.path(mode).path(figure).path("overall").isNumber()).as(mode + " " + figure).isTrue();
                    assertThat(written.path(mode).path(figure).path("en").isNumber()).isTrue();
                }
            }
            assertThat(AnalysisEvaluation.table(figures)).contains("fallback  answers", "llm       interviews");
        }
    }

    @Test
    void measuresOneHalfOfTheSetByTheNumberAtTheEndOfEachId() throws Exception {
        Path answers = folder.resolve("answers.jsonl");
        Files.writeString(answers, """
                {"id": "de-001", "question": "improvements", "lang": "de", "text": "Nichts hinzuzufügen.", "sentiment": "neutral", "themes": []}
                {"id": "de-002", "question": "improvements", "lang": "de", "text": "Keine Anmerkungen.", "sentiment": "neutral", "themes": []}
                {"id": "fr-003", "question": "improvements", "lang": "fr", "text": "Rien à ajouter.", "sentiment": "neutral", "themes": []}
                """);
        assertThat(counts(answers, "odd")).containsExactly(Map.entry("overall", 2), Map.entry("de", 1), Map.entry("fr", 1));
        assertThat(counts(answers, "even")).containsExactly(Map.entry("overall", 1), Map.entry("de", 1));
        assertThatThrownBy(() -> AnalysisEvaluation.half("first")).isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> counts(Path answers, String half) throws Exception {
        var figures = new AnalysisEvaluation(AnalysisEvaluation.half(half))
                .evaluate(answers, null, List.of(AnalysisEvaluation.fallback()));
        var counts = new LinkedHashMap<String, Integer>();
        ((Map<String, Map<String, Number>>) figures.get("fallback")).get("count")
                .forEach((language, count) -> counts.put(language, count.intValue()));
        return counts;
    }

    @Test
    void saysWhyTheLlmModeCannotRunWhenNoOllamaAnswers() throws Exception {
        assertThat(AnalysisEvaluation.ollamaProblem("http://127.0.0.1:9", "llama3.1:8b")).contains("does not answer");
        try (var ollama = new OllamaStub()) {
            assertThat(AnalysisEvaluation.ollamaProblem(ollama.baseUrl(), "llama3.1:8b")).isNull();
            assertThat(AnalysisEvaluation.ollamaProblem(ollama.baseUrl(), "qwen3:4b")).contains("does not have");
        }
    }
}
