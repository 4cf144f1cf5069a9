package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.chat.ChatReplies;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.NewInterview;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.llm.OllamaStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** After an erasure, a full dump of the database holds nothing of the person: GDPR Art. 17. */
class ErasureTest extends ExitBotIntegrationTest {

    private static final String SENTENCE = "The purple giraffe protocol ruined every Tuesday for me.";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hrErasesAnInterviewAndADatabaseDumpHoldsNothingOfThePerson() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String employeeId = "ZQM-" + unique;
        String email = "zebulon.qm." + unique + "@private.test";
        ollama.respondWith(request -> {
            if (request.isFollowUpDecision() && request.message("user").contains("latest reply:\n<employee_text>The purple")) {
                return Reply.followUp("What was the purple giraffe protocol, Zebulon?");
            }
            if (request.isInterviewAnalysis()) {
                return Reply.json(Map.of("sentiment", "negative", "score", -0.5,
                        "summary", List.of(Map.of("statement", "Zebulon Quixote-Marchetti disliked the purple giraffe protocol.",
                                "evidence", "purple giraffe protocol")),
                        "mainReason", "tools_processes",
                        "themes", List.of(Map.of("theme", "tools_processes", "quote", "purple giraffe protocol"))));
            }
            return OllamaStub.plausibleReply(request);
        });
        var started = interviews.start(new NewInterview(employeeId, "Zebulon Quixote-Marchetti", email, "Engineering",
                "Engineer", "Philippa Wobblesworth", LocalDate.now().plusDays(5), "en", null, null), HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, email));
        chat(token, "/consent", Map.of());
        chat(token, "/messages", ChatReplies.answer(http, token, SENTENCE + " Ask Philippa Wobblesworth: +44 7700 900555."));
        runDueJobs();
        chat(token, "/messages", ChatReplies.answer(http, token, "Honestly, the giraffe thing, " + email));
        runDueJobs();
        for (int i = 0; i < 3; i++) {
            chat(token, "/skip", null);
        }
        chat(token, "/finish", null);
        runDueJobs();
        chat(token, "/summary/confirm", Map.of("version", 0));
        runDueJobs();
        var review = processEngine.getTaskService().createTaskQuery()
                .processInstanceId(started.processInstanceId()).singleResult();
        var submitted = hr().postForEntity("/engine-rest/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of(
                        "departureType", Map.of("value", "voluntary"),
                        "regrettable", Map.of("value", "true"),
                        "rehireEligible", Map.of("value", "yes"),
                        "notes", Map.of("value", "Called Zebulon Quixote-Marchetti about the purple giraffe protocol."))),
                String.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // the phone number as typed and without spaces: its last six digits alone turned up in a SHA-256 hash once
        List<String> person = List.of("Zebulon", "Quixote", employeeId, email, "Wobblesworth", "purple giraffe",
                "7700 900555", "7700900555");
        assertThat(DatabaseDump.dump()).as("the dump finds the person before the erasure").contains(person.get(0), email, "purple giraffe", "7700 900555");

        var erased = hr().exchange("/api/interviews/" + started.id(), HttpMethod.DELETE, null, String.class);
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(HistoryCleanupProcess.KEY)
                .variableValueEquals(HistoryCleanupProcess.BUSINESS_KEY, started.id().toString()).count())
                .as("the history's clean-up is a step of its own, committed with the erasure").isEqualTo(1);
        runDueJobs();

        String dump = DatabaseDump.dump();
        assertThat(person).allSatisfy(trace -> assertThat(dump).as("dump after erasure").doesNotContain(trace));
        assertThat(hr().getForEntity("/api/interviews/" + started.id(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select requested_by from erasure_log where interview_id = ?", String.class,
                started.id())).isEqualTo(HR_USER);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(started.id().toString()).count()).isZero();
        assertThat(http.getForEntity("/api/chat/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theEmployeeErasesFromTheThankYouMailsLink() throws Exception {
        var request = org.exitbot.interview.InterviewFixtures.newInterview();
        var started = interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        chat(token, "/consent", Map.of());
        for (int i = 0; i < 4; i++) {
            chat(token, "/skip", null);
        }
        chat(token, "/finish", null);
        runDueJobs();
        chat(token, "/summary/confirm", Map.of("version", 0));
        runDueJobs();
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(Mailbox.lastTo(smtp, request.email()))
                .replace("=\r\n", "").replace("=3D", "=");
        var link = java.util.regex.Pattern.compile("http://exitbot\\.test(/erase/[A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as("the thank-you mail has an erasure link").isTrue();
        String path = link.group(1);

        var page = http.getForEntity(path, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Erase my answers").doesNotContain(request.name());
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        var done = http.postForEntity(path, null, String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).contains("has been erased");
        assertThat(jdbc.queryForObject("select count(*) from interview where id = ?", Long.class, started.id())).isZero();
        assertThat(jdbc.queryForObject("select requested_by from erasure_log where interview_id = ?", String.class,
                started.id())).isEqualTo(Erasure.EMPLOYEE);
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/erase/" + "D".repeat(43), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theEmployeeWithdrawsFromTheChatWhileTheInterviewRuns() {
        var request = org.exitbot.interview.InterviewFixtures.newInterview();
        var started = interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        chat(token, "/consent", Map.of());
        chat(token, "/messages", ChatReplies.answer(http, token, "Actually, I would rather not."));
        assertThat(http.postForEntity("/api/chat/" + token + "/erase", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("select count(*) from interview_message m where m.interview_id = ?", Long.class,
                started.id())).isZero();
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(started.id().toString()).count()).isZero();
        assertThat(processEngine.getManagementService().createJobQuery()
                .processInstanceId(started.processInstanceId()).count()).as("no reminder will come").isZero();
    }

    private void chat(String token, String path, Object body) {
        var response = http.postForEntity("/api/chat/" + token + path, body, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " " + response.getBody()).isTrue();
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
