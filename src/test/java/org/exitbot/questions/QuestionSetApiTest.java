package org.exitbot.questions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.NewInterview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class QuestionSetApiTest extends ExitBotIntegrationTest {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Test
    void theDefaultSetIsTheBriefsFourQuestionsInEveryLocale() {
        JsonNode sets = hr().getForObject("/api/question-sets", JsonNode.class);
        var defaults = java.util.stream.StreamSupport.stream(sets.spliterator(), false)
                .filter(s -> s.get("name").asText().equals("default")).toList();
        assertThat(defaults).extracting(s -> s.get("locale").asText()).containsExactlyInAnyOrder("de", "en", "es", "fr");
        assertThat(defaults).allSatisfy(s -> assertThat(s.get("questions")).hasSize(4));
        JsonNode english = hr().getForObject("/api/question-sets/default?locale=en", JsonNode.class);
        assertThat(english.get("questions")).extracting(q -> q.get("id").asText())
                .containsExactly("reasons_for_leaving", "role_satisfaction", "team_manager_feedback", "improvements");
    }

    @Test
    void createThenUpdateMakesVersionsAndARunningInterviewKeepsItsOwn() {
        String name = name();
        ResponseEntity<JsonNode> created = hr().postForEntity("/api/question-sets?name=" + name + "&locale=fr",
                content("Entretien", "pourquoi", "Pourquoi partez-vous ?"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/question-sets/" + name + "?locale=fr");
        assertThat(created.getBody().get("version").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> again = hr().postForEntity("/api/question-sets?name=" + name + "&locale=fr",
                content("Entretien", "pourquoi", "Pourquoi ?"), JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        var request = InterviewFixtures.newInterview("fr");
        var started = interviews.start(new NewInterview(request.employeeId(), request.name(), request.email(),
                request.department(), null, null, request.lastWorkingDay(), "fr", name, null), HR_USER);
        assertThat(started.questionSet().version()).isEqualTo(1);

        ResponseEntity<JsonNode> updated = hr().exchange("/api/question-sets/" + name + "?locale=fr", HttpMethod.PUT,
                new HttpEntity<>(Map.of("title", "Entretien v2", "questions", List.of(
                        Map.of("id", "pourquoi", "text", "Pourquoi partez-vous ?"),
                        Map.of("id", "ameliorer", "text", "Que devrions-nous améliorer ?")))), JsonNode.class);
        assertThat(updated.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(hr().getForObject("/api/question-sets/" + name + "?locale=fr&version=1", JsonNode.class)
                .get("title").asText()).isEqualTo("Entretien");
        assertThat(hr().getForObject("/api/interviews/" + started.id(), JsonNode.class).at("/questionSet/version")
                .asInt()).as("the running interview keeps its version").isEqualTo(1);
        assertThat(hr().getForObject("/api/question-sets", JsonNode.class)).anySatisfy(s -> {
            assertThat(s.get("name").asText()).isEqualTo(name);
            assertThat(s.get("version").asInt()).isEqualTo(2);
        });
    }

    @Test
    void aSetDownloadsAsYamlOrJsonAndUploadsBackAsTheNextVersion() {
        String name = name();
        hr().postForEntity("/api/question-sets?name=" + name, content("Exit talk", "why", "Why are you leaving?"),
                JsonNode.class);
        ResponseEntity<String> yaml = hr().getForEntity("/api/question-sets/" + name + "/file?format=yaml", String.class);
        assertThat(yaml.getHeaders().getContentType().isCompatibleWith(YAML)).isTrue();
        assertThat(yaml.getHeaders().getContentDisposition().getFilename()).isEqualTo(name + "-en-v1.yaml");
        assertThat(yaml.getBody()).contains("title: Exit talk").contains("- id: why");

        String edited = yaml.getBody().replace("Exit talk", "Exit talk, edited");
        ResponseEntity<JsonNode> uploaded = hr().exchange("/api/question-sets/" + name, HttpMethod.PUT,
                new HttpEntity<>(edited, headers(YAML)), JsonNode.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(uploaded.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(uploaded.getBody().get("title").asText()).isEqualTo("Exit talk, edited");

        JsonNode json = hr().getForObject("/api/question-sets/" + name + "/file?format=json&version=1", JsonNode.class);
        assertThat(json.get("title").asText()).isEqualTo("Exit talk");
        assertThat(json.at("/questions/0/text").asText()).isEqualTo("Why are you leaving?");
    }

    @Test
    void invalidSetsAreRefusedWithClearErrors() {
        String name = name();
        ResponseEntity<JsonNode> empty = put(name, "{\"title\": \"\", \"questions\": []}", MediaType.APPLICATION_JSON);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("questions", "title");

        ResponseEntity<JsonNode> badIds = put(name, """
                title: Bad ids
                questions:
                  - id: Not Valid
                    text: Why?
                  - id: ok
                    text: ""
                """, YAML);
        assertThat(badIds.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badIds.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("questions[0].id", "questions[1].text");

        ResponseEntity<JsonNode> twice = put(name, """
                title: Twice
                questions:
                  - {id: same, text: One}
                  - {id: same, text: Two}
                """, YAML);
        assertThat(twice.getBody().at("/errors/0/message").asText()).contains("'same' appears twice");

        ResponseEntity<JsonNode> brokenYaml = put(name, "title: \"unclosed\nquestions:\n  - id: a\n", YAML);
        assertThat(brokenYaml.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(brokenYaml.getBody().get("detail").asText()).startsWith("The request body is not valid YAML (line");

        assertThat(put("Bad Name", "{\"title\": \"x\", \"questions\": [{\"id\": \"a\", \"text\": \"b\"}]}",
                MediaType.APPLICATION_JSON).getBody().at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(hr().getForEntity("/api/question-sets/default?locale=it", JsonNode.class).getBody()
                .at("/errors/0/field").asText()).isEqualTo("locale");
        assertThat(hr().getForEntity("/api/question-sets/default/file?format=xml", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hr().getForEntity("/api/question-sets/" + name(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hr().getForEntity("/api/question-sets/default?version=99", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/question-sets", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyLocaleOfTheDefaultSetHasItsOwnScriptedFollowUpForEveryTheme() {
        var english = hr().getForObject("/api/question-sets/default?locale=en", JsonNode.class).get("followUps");
        assertThat(english.get("themes").size()).isEqualTo(org.exitbot.analysis.Theme.values().length);
        assertThat(english.at("/themes/compensation_benefits/probe").asText())
                .isEqualTo("How did the pay compare with what you were offered elsewhere?");
        for (String locale : List.of("de", "fr", "es")) {
            var followUps = hr().getForObject("/api/question-sets/default?locale=" + locale, JsonNode.class)
                    .get("followUps");
            assertThat(followUps.get("sayMore").asText()).isNotBlank().isNotEqualTo(english.get("sayMore").asText());
            assertThat(followUps.get("acknowledgement").asText()).isNotBlank()
                    .isNotEqualTo(english.get("acknowledgement").asText());
            for (org.exitbot.analysis.Theme theme : org.exitbot.analysis.Theme.values()) {
                var own = followUps.get("themes").get(theme.code());
                var en = english.get("themes").get(theme.code());
                assertThat(own.get("probe").asText()).as(locale + " " + theme).isNotBlank()
                        .isNotEqualTo(en.get("probe").asText());
                assertThat(own.get("acknowledgement").asText()).as(locale + " " + theme).isNotBlank()
                        .isNotEqualTo(en.get("acknowledgement").asText());
            }
        }
    }

    @Test
    void scriptedFollowUpsUploadAndDownloadWithTheQuestions() {
        String name = name();
        ResponseEntity<JsonNode> created = hr().exchange("/api/question-sets?name=" + name + "&locale=fr",
                HttpMethod.POST, new HttpEntity<>("""
                title: Départ
                questions:
                  - id: raison
                    text: Pourquoi partez-vous ?
                followUps:
                  sayMore: "  Pouvez-vous m'en dire plus ?  "
                  acknowledgement: Merci.
                  themes:
                    compensation_benefits:
                      probe: Le salaire était-il comparable à ce qu'on vous proposait ailleurs ?
                      acknowledgement: Merci, c'est utile pour comprendre la question du salaire.
                """, headers(YAML)), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().at("/followUps/sayMore").asText()).isEqualTo("Pouvez-vous m'en dire plus ?");
        assertThat(created.getBody().at("/followUps/themes").size()).as("a theme left out gets no probe").isEqualTo(1);

        String yaml = hr().getForObject("/api/question-sets/" + name + "/file?locale=fr&format=yaml", String.class);
        assertThat(yaml).contains("followUps:").contains("compensation_benefits:")
                .contains("Le salaire était-il comparable");
        ResponseEntity<JsonNode> again = hr().exchange("/api/question-sets/" + name + "?locale=fr", HttpMethod.PUT,
                new HttpEntity<>(yaml.replace("Merci.", "Merci beaucoup."), headers(YAML)), JsonNode.class);
        assertThat(again.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(again.getBody().at("/followUps/acknowledgement").asText()).isEqualTo("Merci beaucoup.");

        ResponseEntity<JsonNode> withoutFollowUps = put(name(), "{\"title\": \"x\", \"questions\": [{\"id\": \"a\", \"text\": \"b\"}]}",
                MediaType.APPLICATION_JSON);
        assertThat(withoutFollowUps.getBody().at("/followUps/themes/workload_stress/acknowledgement").asText())
                .as("a set saved without them uses the built-in ones").isEqualTo("Thank you, that helps us understand the workload.");
    }

    @Test
    void badScriptedFollowUpsAreRefusedWithClearErrorsAndNothingStored() {
        String name = name();
        ResponseEntity<JsonNode> unknownTheme = put(name, """
                title: T
                questions: [{id: a, text: "Why?"}]
                followUps:
                  sayMore: Tell me more?
                  acknowledgement: Thanks.
                  themes:
                    free_snacks: {probe: "Snacks?", acknowledgement: Thanks for the snacks.}
                """, YAML);
        assertThat(unknownTheme.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownTheme.getBody().at("/errors/0/field").asText()).isEqualTo("followUps.themes.free_snacks");
        assertThat(unknownTheme.getBody().at("/errors/0/message").asText()).startsWith("is not a theme: one of ")
                .contains("compensation_benefits");

        ResponseEntity<JsonNode> missingText = put(name, """
                title: T
                questions: [{id: a, text: "Why?"}]
                followUps:
                  acknowledgement: ""
                  themes:
                    recognition: {probe: "Did you feel seen?"}
                """, YAML);
        assertThat(missingText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingText.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("followUps.acknowledgement", "followUps.sayMore",
                        "followUps.themes[recognition].acknowledgement");

        ResponseEntity<JsonNode> tooLong = put(name, """
                {"title": "T", "questions": [{"id": "a", "text": "Why?"}],
                 "followUps": {"sayMore": "%s", "acknowledgement": "Thanks.", "themes": {}}}
                """.formatted("x".repeat(ScriptedFollowUps.MAX_LENGTH + 1)), MediaType.APPLICATION_JSON);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().at("/errors/0/field").asText()).isEqualTo("followUps.sayMore");
        assertThat(tooLong.getBody().at("/errors/0/message").asText()).contains("300");

        assertThat(hr().getForEntity("/api/question-sets/" + name, JsonNode.class).getStatusCode())
                .as("nothing half-stored").isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> put(String name, String body, MediaType type) {
        return hr().exchange("/api/question-sets/" + name, HttpMethod.PUT, new HttpEntity<>(body, headers(type)),
                JsonNode.class);
    }

    private static HttpHeaders headers(MediaType type) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        return headers;
    }

    private static Map<String, Object> content(String title, String id, String text) {
        return Map.of("title", title, "questions", List.of(Map.of("id", id, "text", text)));
    }

    private static String name() {
        return "set-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
