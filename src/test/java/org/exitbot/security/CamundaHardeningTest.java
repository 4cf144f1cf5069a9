package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.camunda.bpm.engine.authorization.Groups;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** Camunda's own doors: the webapps' CSRF protection, the closed set-up page, no expressions from callers. */
class CamundaHardeningTest extends ExitBotIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ExitInterviews interviews;

    @Test
    void theWebappsRefuseAStateChangingCallWithoutTheirCsrfToken() {
        var driver = new InterviewDriver(interviews, processEngine.getTaskService(), this::runDueJobs);
        UUID interview = driver.start(HR_USER);
        driver.stop(interview);
        String claim = "/camunda/api/engine/engine/default/task/" + driver.reviewTask(interview).getId() + "/claim";
        var tasklist = new WebSession(port);
        assertThat(tasklist.logInToCamunda("tasklist", HR_USER, HR_PASSWORD).statusCode()).isEqualTo(200);

        var forged = tasklist.send(tasklist.request(claim).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"hr\"}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(driver.reviewTask(interview).getAssignee()).isNull();
        assertThat(tasklist.get("/camunda/api/admin/auth/user/default").statusCode())
                .as("Camunda ends a session that was sent a forged call").isEqualTo(404);

        tasklist.logInToCamunda("tasklist", HR_USER, HR_PASSWORD);
        var withToken = tasklist.send(tasklist.request(claim).header("Content-Type", "application/json")
                .header(WebSession.CAMUNDA_CSRF_HEADER, tasklist.camundaCsrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"hr\"}")));
        assertThat(withToken.statusCode()).isEqualTo(204);
        assertThat(driver.reviewTask(interview).getAssignee()).isEqualTo(HR_USER);
    }

    /** Without any administrator Camunda itself would let the first caller create one. */
    @Test
    void theAdminSetUpIsClosedEvenWhileNoAdministratorExists() {
        var identity = processEngine.getIdentityService();
        var administrators = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list();
        administrators.forEach(user -> identity.deleteMembership(user.getId(), Groups.CAMUNDA_ADMIN));
        try {
            var anyone = new WebSession(port);
            assertThat(anyone.get("/camunda/app/admin/default/setup/").statusCode()).isEqualTo(403);
            anyone.get("/camunda/app/tasklist/default/");
            var create = anyone.send(anyone.request("/camunda/api/admin/setup/default/user/create")
                    .header("Content-Type", "application/json")
                    .header(WebSession.CAMUNDA_CSRF_HEADER, anyone.camundaCsrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"profile": {"id": "intruder", "firstName": "I", "lastName": "N", "email": "i@n.test"},
                             "credentials": {"password": "intruder-password-1"}}""")));
            assertThat(create.statusCode()).isEqualTo(403);
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        } finally {
            administrators.forEach(user -> identity.createMembership(user.getId(), Groups.CAMUNDA_ADMIN));
        }
    }

    @Test
    void anAdHocQueryWithAnExpressionIsRefusedWhileHrsStoredFilterKeepsItsOwn() {
        var hr = http.withBasicAuth(HR_USER, HR_PASSWORD);
        var adHoc = hr.getForEntity("/engine-rest/task?assigneeExpression={expression}", JsonNode.class,
                "${currentUser()}");
        assertThat(adHoc.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(adHoc.getBody().get("message").asText()).contains("Expressions are forbidden in adhoc queries");

        String overdue = processEngine.getFilterService().createFilterQuery()
                .filterName("Overdue interviews").singleResult().getId();
        assertThat(hr.getForEntity("/engine-rest/filter/" + overdue + "/list", String.class).getStatusCode())
                .as("its due date is ${now()}").isEqualTo(HttpStatus.OK);
    }
}
