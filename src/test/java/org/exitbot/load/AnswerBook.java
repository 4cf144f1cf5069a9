package org.exitbot.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Realistic answers from the project's labelled set ({@code src/test/resources/data/exit-answers.jsonl}), in
 * English, by the question they answer. Each employee gets answers in an order of their own and never gives the
 * same text twice, so that the transcript shows every answer lost or stored twice.
 */
final class AnswerBook {

    static final Path ANSWERS = Path.of("src", "test", "resources", "data", "exit-answers.jsonl");

    private final Map<String, List<String>> byQuestion;
    private final List<String> all;

    private AnswerBook(Map<String, List<String>> byQuestion) {
        this.byQuestion = byQuestion;
        this.all = byQuestion.values().stream().flatMap(List::stream).toList();
    }

    static AnswerBook load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> byQuestion = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(ANSWERS)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode answer = json.readTree(line);
                if ("en".equals(answer.path("lang").asText())) {
                    byQuestion.computeIfAbsent(answer.path("question").asText(), q -> new ArrayList<>())
                            .add(answer.path("text").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ANSWERS + ": run from the project's folder", e);
        }
        return new AnswerBook(byQuestion);
    }

    /** One employee's answers to a question set whose questions have these ids, in order. */
    Employee employee(List<String> questionIds, long seed) {
        return new Employee(questionIds, new Random(seed));
    }

    final class Employee {

        private final List<String> questionIds;
        private final Random random;
        private final Set<String> given = new HashSet<>();

        private Employee(List<String> questionIds, Random random) {
            this.questionIds = questionIds;
            this.random = random;
        }

        /** An answer to question {@code number} (1-based) or to a follow-up on it, not given before. */
        String answer(int number) {
            String questionId = number <= questionIds.size() ? questionIds.get(number - 1) : "";
            List<String> pool = new ArrayList<>(byQuestion.getOrDefault(questionId, all));
            pool.removeAll(given);
            if (pool.isEmpty()) {
                pool = new ArrayList<>(all);
                pool.removeAll(given);
            }
            Collections.shuffle(pool, random);
            String answer = pool.get(0);
            given.add(answer);
            return answer;
        }
    }
}
