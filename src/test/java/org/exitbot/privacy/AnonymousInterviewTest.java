package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.NewInterview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** An anonymous interview is never shown to HR person by person, and loses its identity when it closes. */
class AnonymousInterviewTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    InterviewRepository interviews;

    @Test
    void hrSeesNoIdentityAndRedactedTextThenTheIdentityIsGoneAtClose() {
        NewInterview fixture = InterviewFixtures.newInterview();
        var request = new NewInterview(fixture.employeeId(), fixture.name(), fixture.email(), "Anonymous Dept " + UUID.randomUUID(),
                fixture.role(), fixture.manager(), fixture.lastWorkingDay(), "en", null, "anonymous");
        JsonNode started = hr().postForObject("/api/interviews", request, JsonNode.class);
        String id = started.get("id").asText();
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));
        http.postForEntity("/api/chat/" + token + "/consent", Map.of(), String.class);
        http.postForEntity("/api/chat/" + token + "/messages",
                Map.of("text", "Robin here. Lena Fischer (lena@corp.example) ignored me."), String.class);
        runDueJobs();

        JsonNode list = hr().getForObject("/api/interviews?department=" + request.department(), JsonNode.class);
        assertThat(list).as("never listed person by person").isEmpty();
        JsonNode details = hr().getForObject("/api/interviews/" + id, JsonNode.class);
        assertThat(details.get("name").isNull()).isTrue();
        assertThat(details.get("email").isNull()).isTrue();
        assertThat(details.get("employeeId").isNull()).isTrue();
        assertThat(details.get("manager").isNull()).isTrue();
        assertThat(details.toString()).doesNotContain("Robin", "Lena", "Fischer", "lena@corp.example")
                .contains("[name] here. [name] ([email]) ignored me.");

        http.postForEntity("/api/chat/" + token + "/stop", null, String.class);
        runDueJobs();
        var review = processEngine.getTaskService().createTaskQuery()
                .processInstanceId(started.get("processInstanceId").asText()).singleResult();
        var shown = processEngine.getTaskService().getVariablesLocal(review.getId());
        assertThat(shown.get("employee").toString()).startsWith("Anonymous");
        assertThat(shown.get("transcript").toString()).doesNotContain("Robin", "Lena", "lena@corp.example");

        processEngine.getTaskService().complete(review.getId(), org.exitbot.conversation.ExitInterviewThroughServicesTest.reviewOutcome());
        var closed = interviews.findById(UUID.fromString(id)).orElseThrow();
        assertThat(closed.getName()).isNull();
        assertThat(closed.getEmail()).isNull();
        assertThat(closed.getEmployeeId()).isNull();
        assertThat(closed.getAnonymisedAt()).isNotNull();
        runDueJobs();
        await().atMost(Duration.ofSeconds(10)).until(() -> processEngine.getHistoryService()
                .createHistoricVariableInstanceQuery().processInstanceId(started.get("processInstanceId").asText())
                .includeDeleted().count() == 0);
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
