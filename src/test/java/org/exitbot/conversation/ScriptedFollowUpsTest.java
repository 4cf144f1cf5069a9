package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.FallbackAnalyzer;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.questions.ScriptedFollowUps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The conversation with Ollama down, on the project's labelled personas and answers: short answers get "say more",
 * an answer naming a theme gets that theme's probe and never another's, the cap holds, in every locale, and no
 * scripted text is streamed as a draft.
 */
@RecordApplicationEvents
class ScriptedFollowUpsTest extends ExitBotIntegrationTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int MAX_FOLLOW_UPS = 2;

    record Persona(String id, String lang, Map<String, String> answers,
            @JsonProperty("followup_answers") List<String> followUpAnswers) {
    }

    record LabelledAnswer(String id, String question, String lang, String text, List<Theme> themes) {
    }

    @Autowired
    ExitInterviews exitInterviews;

    @Autowired
    TaskService tasks;

    @Autowired
    Transcripts transcripts;

    @Autowired
    InterviewRepository interviews;

    @Autowired
    QuestionSetService questionSets;

    @Autowired
    FallbackAnalyzer analyzer;

    @Autowired
    ScriptedFollowUpAdvisor advisor;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TestRestTemplate http;

    InterviewDriver driver;

    @BeforeEach
    void ollamaIsDown() {
        ollama.respondWith(request -> Reply.error(503, "connection refused"));
        driver = new InterviewDriver(exitInterviews, tasks, this::runDueJobs);
    }

    @Test
    void everyPersonaWithOllamaDownGetsSayMoreForShortAnswersAndProbesOnlyForThemesItMentions() throws IOException {
        List<Persona> personas = JSON.readValue(Path.of("src/test/resources/data/personas.json").toFile(),
                new TypeReference<>() {
                });
        int sayMores = 0;
        int probes = 0;
        for (Persona persona : personas) {
            UUID id = start(persona.lang());
            var followUpAnswers = new ArrayList<>(persona.followUpAnswers());
            List<String> questionIds = List.of("reasons_for_leaving", "role_satisfaction", "team_manager_feedback",
                    "improvements");
            for (int number = 1; number <= questionIds.size(); number++) {
                String reply = persona.answers().get(questionIds.get(number - 1));
                for (int followUps = 0; ; followUps++) {
                    driver.answer(id, reply);
                    QuestionThread thread = transcripts.thread(id, number);
                    Message said = thread.messages().get(thread.messages().size() - 1);
                    String where = persona.id() + " question " + number + ", reply \"" + reply + "\"";
                    ScriptedFollowUps script = script(persona.lang());
                    List<Theme> mentioned = analyzer.themesMentioned(reply, persona.lang());
                    boolean sayMoreAsked = thread.messages().subList(0, thread.messages().size() - 1).stream()
                            .anyMatch(m -> m.getKind() == MessageKind.SCRIPTED_FOLLOW_UP
                                    && m.getText().equals(script.sayMore()));
                    if (followUps < MAX_FOLLOW_UPS && words(reply) < 8 && !sayMoreAsked) {
                        assertThat(said.getKind()).as(where).isEqualTo(MessageKind.SCRIPTED_FOLLOW_UP);
                        assertThat(said.getText()).as(where).isEqualTo(script.sayMore());
                    }
                    if (said.getKind() == MessageKind.SCRIPTED_FOLLOW_UP && !said.getText().equals(script.sayMore())) {
                        Theme probed = themeOf(script, said.getText()).orElseThrow();
                        assertThat(mentioned).as(where + " was probed for " + probed).contains(probed);
                        probes++;
                    }
                    if (said.getKind() == MessageKind.SCRIPTED_FOLLOW_UP && said.getText().equals(script.sayMore())) {
                        sayMores++;
                    }
                    if (said.getKind() != MessageKind.SCRIPTED_FOLLOW_UP) {
                        assertThat(said.getKind()).as(where + ": moving on is acknowledged")
                                .isEqualTo(MessageKind.ACKNOWLEDGEMENT);
                        assertThat(followUps).as(where).isLessThanOrEqualTo(MAX_FOLLOW_UPS);
                        break;
                    }
                    assertThat(followUps).as(where + ": the cap").isLessThan(MAX_FOLLOW_UPS);
                    reply = followUpAnswers.isEmpty() ? "No, that is all." : followUpAnswers.remove(0);
                }
            }
            assertThat(interviews.findById(id).orElseThrow().isLlmFallback()).isTrue();
        }
        assertThat(sayMores).as("the terse persona's answers").isGreaterThanOrEqualTo(4);
        assertThat(probes).isGreaterThanOrEqualTo(personas.size());
        assertThat(events.stream(FollowUpDraft.class)).as("nothing scripted streams as a draft").isEmpty();
    }

    @Test
    void onEveryLabelledAnswerAThemeProbeIsForAThemeTheAnswerMentionsAndShortOnesGetSayMore() throws IOException {
        List<LabelledAnswer> answers = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/data/exit-answers.jsonl"))) {
            if (!line.isBlank()) {
                answers.add(JSON.readValue(line, LabelledAnswer.class));
            }
        }
        int probes = 0;
        int probesOfLabelledThemes = 0;
        var languages = new TreeSet<String>();
        for (LabelledAnswer answer : answers) {
            ScriptedFollowUps script = script(answer.lang());
            UUID id = UUID.randomUUID();
            var thread = new QuestionThread(1, answer.question(), List.of(
                    new Message(id, MessageKind.QUESTION, 1, answer.question(), "The question?", "bot", Instant.now()),
                    new Message(id, MessageKind.ANSWER, 1, answer.question(), answer.text(), "employee", Instant.now())));
            FollowUpDecision decision = advisor.advise(script, answer.lang(), thread, thread.messages(), 0,
                    MAX_FOLLOW_UPS);
            List<Theme> mentioned = analyzer.themesMentioned(answer.text(), answer.lang());
            assertThat(decision.scripted()).isTrue();
            if (words(answer.text()) < 8) {
                assertThat(decision.followUp()).as(answer.id()).isEqualTo(script.sayMore());
            } else if (!mentioned.isEmpty()) {
                Theme probed = themeOf(script, decision.followUp()).orElseThrow();
                assertThat(probed).as(answer.id() + " names " + mentioned).isEqualTo(mentioned.get(0));
                probes++;
                probesOfLabelledThemes += answer.themes().contains(probed) ? 1 : 0;
                languages.add(answer.lang());
            } else {
                assertThat(decision.followUp()).as(answer.id() + ", no theme").isIn(script.sayMore(), null);
            }
        }
        assertThat(languages).containsExactly("de", "en", "es", "fr");
        // the phrase list finds themes the labels do not list; most probes are about a theme the label names
        System.out.printf("scripted probes: %d, of a labelled theme: %d (%.2f)%n", probes, probesOfLabelledThemes,
                (double) probesOfLabelledThemes / probes);
        assertThat((double) probesOfLabelledThemes / probes).isGreaterThan(0.6);
    }

    @Test
    void inEveryLocaleTheScriptSpeaksTheInterviewsLanguageUpToTheCap() {
        Map<String, List<String>> replies = Map.of(
                "en", List.of("Pay.", "The salary was far below what other companies offered me.",
                        "And my manager never once asked how I was doing."),
                "de", List.of("Das Gehalt.", "Das Gehalt lag deutlich unter dem, was andere Firmen mir boten.",
                        "Und meine Führungskraft hat nie gefragt, wie es mir geht."),
                "fr", List.of("Le salaire.", "Le salaire était bien en dessous de ce que proposaient les autres.",
                        "Et mon manager ne m'a jamais demandé comment j'allais."),
                "es", List.of("El sueldo.", "El sueldo estaba muy por debajo de lo que ofrecían otras empresas.",
                        "Y mi jefe nunca me preguntó cómo estaba."));
        replies.forEach((locale, texts) -> {
            ScriptedFollowUps script = script(locale);
            UUID id = start(locale);
            driver.answer(id, texts.get(0));
            assertThat(last(id)).as(locale).extracting(Message::getKind, Message::getText)
                    .containsExactly(MessageKind.SCRIPTED_FOLLOW_UP, script.sayMore());
            driver.answer(id, texts.get(1));
            assertThat(last(id).getText()).as(locale)
                    .isEqualTo(script.themes().get(Theme.COMPENSATION_BENEFITS.code()).probe());
            driver.answer(id, texts.get(2));
            List<Message> messages = transcripts.messages(id);
            assertThat(messages.get(messages.size() - 2)).as(locale + ": the cap, then the acknowledgement")
                    .extracting(Message::getKind, Message::getText)
                    .containsExactly(MessageKind.ACKNOWLEDGEMENT,
                            script.themes().get(Theme.MANAGER_RELATIONSHIP.code()).acknowledgement());
            assertThat(last(id).getKind()).as(locale).isEqualTo(MessageKind.QUESTION);
            assertThat(last(id).getQuestionNumber()).isEqualTo(2);
            assertThat(transcripts.thread(id, 1).messages())
                    .filteredOn(m -> m.getKind() == MessageKind.SCRIPTED_FOLLOW_UP).hasSize(MAX_FOLLOW_UPS);
        });
        assertThat(events.stream(FollowUpDraft.class)).isEmpty();
    }

    @Test
    void aThemeIsProbedOnceAnInterviewAndASecondShortReplyIsNotNaggedForMore() {
        ScriptedFollowUps script = script("en");
        var pay = script.themes().get(Theme.COMPENSATION_BENEFITS.code());
        UUID id = start("en");
        driver.answer(id, "Honestly the pay was well below the market for my role.");
        assertThat(last(id).getText()).isEqualTo(pay.probe());
        driver.answer(id, "Nothing more.");
        assertThat(last(id).getText()).as("short, so say more").isEqualTo(script.sayMore());
        driver.answer(id, "Done.");
        assertMovedOnTo(id, 2, pay.acknowledgement());

        driver.answer(id, "The salary again, I really think the pay was not competitive at all.");
        assertMovedOnTo(id, 3, pay.acknowledgement());

        driver.answer(id, "Fine.");
        assertThat(last(id).getText()).isEqualTo(script.sayMore());
        driver.answer(id, "No.");
        assertMovedOnTo(id, 4, script.acknowledgement());

        String csv = http.withBasicAuth(HR_USER, HR_PASSWORD).getForObject("/api/reports/export?format=csv",
                String.class);
        String header = csv.lines().findFirst().orElseThrow();
        String row = csv.lines().filter(line -> line.startsWith(id.toString())).findFirst().orElseThrow();
        int column = List.of(header.split(",")).indexOf("scriptedFollowUps");
        assertThat(row.split(",")[column]).as("the export counts them").isEqualTo("3");
    }

    private void assertMovedOnTo(UUID id, int question, String acknowledgement) {
        List<Message> messages = transcripts.messages(id);
        assertThat(messages.get(messages.size() - 2)).extracting(Message::getKind, Message::getText)
                .containsExactly(MessageKind.ACKNOWLEDGEMENT, acknowledgement);
        assertThat(last(id)).extracting(Message::getKind, Message::getQuestionNumber)
                .containsExactly(MessageKind.QUESTION, question);
    }

    private UUID start(String locale) {
        UUID id = exitInterviews.start(InterviewFixtures.newInterview(locale), HR_USER).id();
        runDueJobs();
        return id;
    }

    private ScriptedFollowUps script(String locale) {
        return questionSets.latest("default", locale).followUps();
    }

    private Message last(UUID id) {
        List<Message> messages = transcripts.messages(id);
        return messages.get(messages.size() - 1);
    }

    private static Optional<Theme> themeOf(ScriptedFollowUps script, String probe) {
        return Arrays.stream(Theme.values())
                .filter(t -> script.themes().containsKey(t.code()) && script.themes().get(t.code()).probe().equals(probe))
                .findFirst();
    }

    /** Words as a reader counts them: what spaces separate. */
    private static int words(String text) {
        return text.strip().split("\\s+").length;
    }
}
