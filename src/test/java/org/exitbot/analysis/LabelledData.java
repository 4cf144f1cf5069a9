package org.exitbot.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.QuestionThread;
import org.springframework.core.io.ClassPathResource;

/**
 * The project's labelled sets in {@code src/test/resources/data} (see the README there): answers
 * ({@code exit-answers.jsonl}, one JSON object a line) and whole interviews ({@code personas.json}), turned into
 * what the analysis reads. Paths are relative to the project's folder, where Maven runs tests and the evaluation.
 */
public final class LabelledData {

    public static final String ANSWERS = "src/test/resources/data/exit-answers.jsonl";
    public static final String PERSONAS = "src/test/resources/data/personas.json";

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();
    static final String FOLLOW_UP = "Is there anything else you would like to add?";

    /** One labelled answer. */
    record Answer(String id, String question, String lang, String text, Sentiment sentiment, List<Theme> themes) {
    }

    /** One labelled interview: answers by question id, answers to follow-ups, and what HR should learn. */
    record Persona(String id, String lang, Map<String, String> answers,
            @JsonProperty("followup_answers") List<String> followUpAnswers, Expectation expect) {
    }

    record Expectation(Sentiment sentiment, List<Theme> themes) {
    }

    private record BuiltInSet(List<BuiltInQuestion> questions) {
    }

    private record BuiltInQuestion(String id, Map<String, String> text) {
    }

    private final List<BuiltInQuestion> questions;

    LabelledData() {
        try (InputStream in = new ClassPathResource("question-sets/default.json").getInputStream()) {
            questions = JSON.readValue(in, BuiltInSet.class).questions();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Answer> answers(Path file) throws IOException {
        var answers = new ArrayList<Answer>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                answers.add(JSON.readValue(line, Answer.class));
            }
        }
        return answers;
    }

    static List<Persona> personas(Path file) throws IOException {
        return JSON.readValue(file.toFile(), new TypeReference<>() {
        });
    }

    /** The built-in question with this id in this language, or the id itself for a question it does not have. */
    String question(String id, String language) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst()
                .map(q -> q.text().getOrDefault(language, q.text().get("en")))
                .orElse(id);
    }

    /** The persona's interview as the analysis reads it: the built-in questions in order, follow-ups at the end. */
    List<QuestionThread> threads(Persona persona) {
        UUID interview = UUID.randomUUID();
        Instant at = Instant.EPOCH;
        var threads = new ArrayList<QuestionThread>();
        for (int i = 0; i < questions.size(); i++) {
            String id = questions.get(i).id();
            int number = i + 1;
            var messages = new ArrayList<Message>();
            messages.add(new Message(interview, MessageKind.QUESTION, number, id, question(id, persona.lang()), "bot", at));
            String answer = persona.answers().get(id);
            messages.add(answer == null
                    ? new Message(interview, MessageKind.SKIPPED, number, id, "", "employee", at)
                    : new Message(interview, MessageKind.ANSWER, number, id, answer, "employee", at));
            if (number == questions.size() && persona.followUpAnswers() != null) {
                for (String more : persona.followUpAnswers()) {
                    messages.add(new Message(interview, MessageKind.FOLLOW_UP, number, id, FOLLOW_UP, "bot", at));
                    messages.add(new Message(interview, MessageKind.ANSWER, number, id, more, "employee", at));
                }
            }
            threads.add(new QuestionThread(number, id, List.copyOf(messages)));
        }
        return threads;
    }
}
