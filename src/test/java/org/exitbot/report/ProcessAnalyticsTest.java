package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.NewInterview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Interviews run through the real process; the KPIs come back from Camunda's history. */
class ProcessAnalyticsTest extends ExitBotIntegrationTest {

    @Autowired
    ExitInterviews interviews;

    @Autowired
    TestRestTemplate http;

    @Test
    void theFunnelDropoutAndStepDurationsComeFromTheHistory() {
        String department = ReportFixtures.department();
        TaskService tasks = processEngine.getTaskService();
        for (int i = 0; i < 5; i++) {
            var template = InterviewFixtures.newInterview();
            var started = interviews.start(new NewInterview(template.employeeId(), template.name(), template.email(),
                    department, null, null, template.lastWorkingDay(), "en", null, null), HR_USER);
            runDueJobs();
            String instance = started.processInstanceId();
            tasks.complete(answerTask(instance), Map.of("action", i < 2 ? "answer" : "stop", "answer", "The pay."));
            runDueJobs();
            if (i < 2) {
                tasks.complete(answerTask(instance), Map.of("action", "stop"));
                runDueJobs();
            }
            tasks.complete(tasks.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK).singleResult().getId(),
                    Map.of("departureType", "voluntary", "regrettable", "false", "rehireEligible", "yes"));
        }

        JsonNode kpis = http.withBasicAuth(HR_USER, HR_PASSWORD)
                .getForObject("/api/reports/process?department=" + department, JsonNode.class);

        assertThat(kpis.get("funnel")).extracting(s -> s.get("group").asText() + "=" + s.get("count").asText())
                .containsExactly("invited=5", "started=5", "finished=0", "reviewed=5");
        assertThat(kpis.get("dropoutByQuestion")).hasSize(2);
        assertThat(kpis.at("/dropoutByQuestion/0/group").asText()).isEqualTo("question 1");
        assertThat(kpis.at("/dropoutByQuestion/0/fewerThan").asInt()).as("3 stopped at question 1").isEqualTo(5);
        assertThat(kpis.at("/dropoutByQuestion/1/group").asText()).isEqualTo("question 2");
        JsonNode invitation = stream(kpis.get("steps")).filter(s -> s.get("activityId").asText().equals("Task_SendInvitation"))
                .findFirst().orElseThrow();
        assertThat(invitation.at("/runs/count").asInt()).isEqualTo(5);
        assertThat(invitation.get("name").asText()).isEqualTo("Send invitation");
        assertThat(java.time.Duration.parse(invitation.get("median").asText())).isPositive();
        assertThat(stream(kpis.get("steps")).filter(s -> s.get("activityId").asText().equals("Task_DecideFollowUp"))
                .findFirst().orElseThrow().get("median").isNull()).as("ran twice: fewer than k").isTrue();
        assertThat(kpis.get("openIncidents").isArray()).isTrue();
    }

    private String answerTask(String instance) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).singleResult().getId();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
