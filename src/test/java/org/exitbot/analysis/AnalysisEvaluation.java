package org.exitbot.analysis;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.exitbot.analysis.AgreementMetrics.Outcome;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.QuestionThread;
import org.exitbot.llm.LlmAnswer;
import org.exitbot.llm.LlmProperties;
import org.exitbot.llm.LlmUnavailableException;
import org.exitbot.llm.Prompts;
import org.exitbot.llm.StructuredLlm;
import org.exitbot.system.ExitBotProperties;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.retry.support.RetryTemplate;

/**
 * Measures the analysis on a labelled set: {@code ./mvnw -Peval verify}, or this class's main. Answers of
 * {@code exit-answers.jsonl} are analysed one by one, the interviews of {@code personas.json} (beside it) as a
 * whole; by the fallback always, by the LLM when {@code OLLAMA_BASE_URL} points at an Ollama that has
 * {@code OLLAMA_MODEL}. Prints the figures and writes them to {@code target/eval/report.json}.
 *
 * <p>System properties: {@code exitbot.eval.data} (the answers, default the project's set in {@code src/test/resources/data}),
 * {@code exitbot.eval.personas} (default {@code personas.json} beside the answers; skipped when missing),
 * {@code exitbot.eval.report}, {@code exitbot.eval.half} ({@code odd} or {@code even}: only the answers whose id ends
 * in such a number, the halves the lexicons were developed on and checked on).
 */
public final class AnalysisEvaluation {

    static final String DEFAULT_DATA = LabelledData.ANSWERS;
    static final String DEFAULT_REPORT = "target/eval/report.json";
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\d+$");

    /** One way of analysing, the fallback or the LLM: of one answer, and of a whole interview. */
    record Mode(String name, String model, Answers answers,
            BiFunction<String, List<QuestionThread>, InterviewVerdict> interviews) {
    }

    interface Answers {
        AnswerInsight analyse(String language, String question, String text);
    }

    private final LabelledData data = new LabelledData();
    private final Predicate<LabelledData.Answer> selected;

    AnalysisEvaluation() {
        this(answer -> true);
    }

    AnalysisEvaluation(Predicate<LabelledData.Answer> selected) {
        this.selected = selected;
    }

    /** The answers whose id ends in an odd ({@code "odd"}) or even ({@code "even"}) number; all for null. */
    static Predicate<LabelledData.Answer> half(String half) {
        if (half == null || half.isBlank()) {
            return answer -> true;
        }
        if (!half.equals("odd") && !half.equals("even")) {
            throw new IllegalArgumentException("exitbot.eval.half must be odd or even, not " + half);
        }
        int remainder = half.equals("odd") ? 1 : 0;
        return answer -> {
            Matcher number = TRAILING_NUMBER.matcher(answer.id());
            return number.find() && Integer.parseInt(number.group()) % 2 == remainder;
        };
    }

    public static void main(String[] args) throws IOException {
        Path answers = Path.of(System.getProperty("exitbot.eval.data", DEFAULT_DATA)).toAbsolutePath().normalize();
        Path personas = Optional.ofNullable(System.getProperty("exitbot.eval.personas")).map(Path::of)
                .orElse(answers.resolveSibling("personas.json"));
        Path report = Path.of(System.getProperty("exitbot.eval.report", DEFAULT_REPORT));
        var modes = new ArrayList<Mode>(List.of(fallback()));
        String skipped = null;
        String ollama = System.getenv("OLLAMA_BASE_URL");
        String model = Optional.ofNullable(System.getenv("OLLAMA_MODEL")).orElse("llama3.1:8b");
        if (ollama == null || ollama.isBlank()) {
            skipped = "OLLAMA_BASE_URL is not set";
        } else {
            skipped = ollamaProblem(ollama, model);
            if (skipped == null) {
                modes.add(llm(ollama, model));
            }
        }
        var figures = new AnalysisEvaluation(half(System.getProperty("exitbot.eval.half")))
                .evaluate(answers, Files.exists(personas) ? personas : null, modes);
        if (skipped != null) {
            figures.put("llm", Map.of("skipped", skipped));
        }
        write(figures, report);
        System.out.println(table(figures));
        System.out.println("Figures written to " + report.toAbsolutePath().normalize());
    }

    /** Every mode's figures on the answers (and the personas, when given), keyed by mode name. */
    Map<String, Object> evaluate(Path answersFile, Path personasFile, List<Mode> modes) throws IOException {
        var answers = LabelledData.answers(answersFile).stream().filter(selected).toList();
        var personas = personasFile == null ? List.<LabelledData.Persona>of() : LabelledData.personas(personasFile);
        var figures = new LinkedHashMap<String, Object>();
        figures.put("data", answersFile.toString());
        figures.put("personas", personasFile == null ? null : personasFile.toString());
        for (Mode mode : modes) {
            var failures = new int[1];
            var answerOutcomes = answers.stream().map(answer -> outcome(answer.lang(), answer.sentiment(),
                    answer.themes(), failures, () -> mode.answers().analyse(answer.lang(), data.question(answer.question(),
                            answer.lang()), answer.text()))).toList();
            var interviewOutcomes = personas.stream().map(persona -> outcome(persona.lang(),
                    persona.expect().sentiment(), persona.expect().themes(), failures, () -> {
                        InterviewVerdict verdict = mode.interviews().apply(persona.lang(), data.threads(persona));
                        return new AnswerInsight(verdict.sentiment(), verdict.score(), verdict.themes());
                    })).toList();
            var modeFigures = new LinkedHashMap<String, Object>();
            modeFigures.put("model", mode.model());
            modeFigures.putAll(EvaluationMetrics.report(answerOutcomes));
            if (!interviewOutcomes.isEmpty()) {
                modeFigures.put("interviews", EvaluationMetrics.report(interviewOutcomes));
            }
            modeFigures.put("llm_failures", failures[0]);
            figures.put(mode.name(), modeFigures);
        }
        return figures;
    }

    private static Outcome outcome(String language, Sentiment expected, List<Theme> expectedThemes, int[] failures,
            java.util.function.Supplier<AnswerInsight> analysis) {
        AnswerInsight insight;
        try {
            insight = analysis.get();
        } catch (LlmUnavailableException e) {
            failures[0]++;
            insight = new AnswerInsight(Sentiment.UNKNOWN, null, List.of());
        }
        return new Outcome(language, expected, insight.sentiment(), themes(expectedThemes),
                insight.themes().stream().map(ThemeEvidence::theme).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(Theme.class))));
    }

    private static Set<Theme> themes(List<Theme> themes) {
        return themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
    }

    static Mode fallback() {
        var analyzer = new FallbackAnalyzer(LabelledData.JSON);
        return new Mode("fallback", FallbackAnalyzer.MODEL + " " + FallbackAnalyzer.VERSION,
                (language, question, text) -> analyzer.analyse(text, language),
                (language, threads) -> {
                    var insights = new LinkedHashMap<Message, AnswerInsight>();
                    AnalysisService.answersOf(threads).forEach(a -> insights.put(a, analyzer.analyse(a.getText(), language)));
                    return FallbackVerdict.of(threads, insights);
                });
    }

    /** The LLM path as the app runs it: the same prompts, validation, retry of malformed output and checks. */
    static Mode llm(String baseUrl, String model) {
        var chatModel = OllamaChatModel.builder()
                .ollamaApi(OllamaApi.builder().baseUrl(baseUrl).build())
                .defaultOptions(OllamaChatOptions.builder().model(model).build())
                .retryTemplate(RetryTemplate.builder().maxAttempts(2).fixedBackoff(1000).build())
                .build();
        var llm = new StructuredLlm(ChatClient.builder(chatModel), LabelledData.JSON,
                Validation.buildDefaultValidatorFactory().getValidator(),
                new LlmProperties(model, "10m", 0.2, Duration.ofSeconds(3), Duration.ofMinutes(2)),
                new SimpleMeterRegistry());
        var prompts = new Prompts(LabelledData.JSON);
        var properties = new ExitBotProperties("Your organisation", URI.create("http://localhost:8080"), Path.of("."));
        var interviewAnalyst = new InterviewAnalyst(llm, prompts, properties);
        return new Mode("llm", model + " " + InterviewAnalyst.PROMPT + "/" + InterviewAnalyst.PROMPT_VERSION,
                (language, question, text) -> {
                    List<QuestionThread> threads = oneAnswer(question, text);
                    Message answer = threads.get(0).answers().get(0);
                    var judged = interviewAnalyst.judge(language, threads, List.of(answer), null);
                    return Optional.ofNullable(judged.answers().get(answer)).map(LlmAnswer::value)
                            .orElseThrow(() -> new LlmUnavailableException("the model did not judge the answer", null));
                },
                (language, threads) -> interviewAnalyst.judge(language, threads, List.of(), null).verdict().value());
    }

    /** An answer analysed as the app analyses it: as the only reply of an interview, judged one by one. */
    private static List<QuestionThread> oneAnswer(String question, String text) {
        UUID interview = UUID.randomUUID();
        return List.of(new QuestionThread(1, "q", List.of(
                new Message(interview, MessageKind.QUESTION, 1, "q", question, "bot", Instant.EPOCH),
                new Message(interview, MessageKind.ANSWER, 1, "q", text, "employee", Instant.EPOCH))));
    }

    /** Why the Ollama at this address cannot be measured, or null when it answers and has the model. */
    static String ollamaProblem(String baseUrl, String model) {
        try {
            var response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create(baseUrl).resolve("/api/tags")).timeout(Duration.ofSeconds(5))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
            for (var installed : LabelledData.JSON.readTree(response.body()).path("models")) {
                if (model.equals(installed.path("name").asText()) || model.equals(installed.path("model").asText())) {
                    return null;
                }
            }
            return "Ollama at " + baseUrl + " does not have the model " + model;
        } catch (IOException e) {
            return "Ollama does not answer at " + baseUrl + " (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static void write(Map<String, Object> figures, Path report) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        LabelledData.JSON.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), figures);
    }

    /** The figures as a plain-text table, one line per mode, set and language. */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> figures) {
        var out = new StringBuilder("Analysis evaluation on ").append(figures.get("data")).append('\n');
        out.append(String.format(Locale.ROOT, "%-9s %-11s %-8s %5s %9s %13s %14s %9s%n", "mode", "set", "language",
                "n", "sent_acc", "sent_macro_f1", "theme_micro_f1", "coverage"));
        figures.forEach((mode, value) -> {
            if (!(value instanceof Map<?, ?> modeFigures)) {
                return;
            }
            if (modeFigures.containsKey("skipped")) {
                out.append(String.format(Locale.ROOT, "%-9s not measured: %s%n", mode, modeFigures.get("skipped")));
                return;
            }
            rows(out, mode, "answers", (Map<String, Map<String, Number>>) modeFigures);
            if (modeFigures.get("interviews") instanceof Map<?, ?> interviews) {
                rows(out, mode, "interviews", (Map<String, Map<String, Number>>) interviews);
            }
        });
        return out.toString();
    }

    private static void rows(StringBuilder out, String mode, String set, Map<String, Map<String, Number>> figures) {
        for (String language : figures.get("count").keySet()) {
            out.append(String.format(Locale.ROOT, "%-9s %-11s %-8s %5d %9.3f %13.3f %14.3f %9.3f%n", mode, set,
                    language, figures.get("count").get(language).intValue(),
                    figures.get("sentiment_accuracy").get(language).doubleValue(),
                    figures.get("sentiment_macro_f1").get(language).doubleValue(),
                    figures.get("theme_micro_f1").get(language).doubleValue(),
                    figures.get("sentiment_coverage").get(language).doubleValue()));
        }
    }
}
