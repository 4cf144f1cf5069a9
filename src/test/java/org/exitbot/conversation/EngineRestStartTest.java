package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** HR starting the exit process through engine-rest with an interview's id gets no second link and no mail. */
class EngineRestStartTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Autowired
    InterviewRepository interviewRepository;

    @Test
    void aSecondProcessForAnInterviewIsRefusedAndItsLinkAndMailStay() throws Exception {
        var request = InterviewFixtures.newInterview();
        var started = interviews.start(request, HR_USER);
        runDueJobs();
        String link = interviewRepository.findById(started.id()).orElseThrow().getLinkHash();
        assertThat(smtp.getReceivedMessagesForDomain(request.email())).hasSize(1);

        var again = http.withBasicAuth(HR_USER, HR_PASSWORD).postForEntity(
                "/engine-rest/process-definition/key/" + ExitInterviewProcess.KEY + "/start",
                Map.of("variables", Map.of(ExitInterviewProcess.Var.INTERVIEW_ID,
                        Map.of("value", started.id().toString(), "type", "String"))), String.class);
        runDueJobs();

        // refused before Camunda sees it: a 400 problem detail, not engine-rest's 500 for a delegate's refusal
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody()).contains(ExitInterviewProcess.Var.INTERVIEW_ID, "set by ExitBot itself");
        assertThat(interviewRepository.findById(started.id()).orElseThrow().getLinkHash()).isEqualTo(link);
        assertThat(smtp.getReceivedMessagesForDomain(request.email())).as("no second invitation").hasSize(1);
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ExitInterviewProcess.KEY)
                .variableValueEquals(ExitInterviewProcess.Var.INTERVIEW_ID, started.id().toString()).count())
                .isEqualTo(1);
    }
}
