package org.exitbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.HrChannelReceiver;
import org.exitbot.HrChannelReceiver.Post;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewView;
import org.exitbot.interview.NewInterview;
import org.exitbot.security.HrTasklistFilters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What HR's Slack and Teams channels receive, over real HTTP ({@link HrChannelReceiver}), from the whole app: each
 * post in the shape the channel documents, and nothing in it about the person, their interview or their words.
 */
class HrChannelNotificationsTest extends ExitBotIntegrationTest {

    static final String ANSWER = "My manager never once asked how the migration was going for me";
    static final String PUBLIC_URL = "http://exitbot.test";

    @Autowired
    ExitInterviews interviews;

    @Autowired
    HrTasklistFilters filters;

    InterviewDriver driver;

    @BeforeEach
    void driver() {
        driver = new InterviewDriver(interviews, processEngine.getTaskService(), this::runDueJobs);
    }

    @Test
    void aReviewWaitingReachesSlackAndTeamsInTheirShapesWithoutAnythingAboutThePerson() {
        NewInterview leaver = leaver("attributed");
        InterviewView interview = reviewWaiting(leaver);

        Post slack = onlyPost(HrChannelReceiver.SLACK);
        Post teams = onlyPost(HrChannelReceiver.TEAMS);
        String link = tasklistFilter(HrTasklistFilters.TO_REVIEW);
        assertSlackShape(slack, "A review is waiting in Tasklist", link);
        assertTeamsShape(teams, "A review is waiting in Tasklist", link);
        assertNothingAbout(leaver, interview, slack, teams);
    }

    @Test
    void anAnonymousInterviewsReviewIsAnnouncedWithNothingThatIdentifies() {
        NewInterview leaver = leaver("anonymous");
        InterviewView interview = reviewWaiting(leaver);

        assertNothingAbout(leaver, interview, onlyPost(HrChannelReceiver.SLACK), onlyPost(HrChannelReceiver.TEAMS));
    }

    @Test
    void aChannelThatIsDownIsRetriedAndTheInterviewStillReachesReview() {
        hrChannel.failWith(HrChannelReceiver.SLACK, 503);
        NewInterview leaver = leaver("attributed");
        InterviewView interview = reviewWaiting(leaver);

        assertThat(driver.reviewTask(interview.id())).as("the review waits whatever Slack does").isNotNull();
        assertThat(hrChannel.posts(HrChannelReceiver.SLACK)).isEmpty();
        Job failed = notifyJob();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(failed.getExceptionMessage()).isEqualTo("Slack webhook answered HTTP 503")
                .doesNotContain("127.0.0.1");
        assertThat(failed.getDuedate()).as("retried a minute later").isAfter(new Date());
        assertThat(hrChannel.posts(HrChannelReceiver.TEAMS)).as("Teams told once, not again with Slack's retry")
                .hasSize(1);

        hrChannel.recover();
        processEngine.getManagementService().executeJob(failed.getId());
        assertSlackShape(onlyPost(HrChannelReceiver.SLACK), "A review is waiting in Tasklist",
                tasklistFilter(HrTasklistFilters.TO_REVIEW));
        assertThat(hrChannel.posts(HrChannelReceiver.TEAMS)).hasSize(1);
    }

    @Test
    void theDailyDigestCountsTheOverdueReviewsAndLinksTheirFilter() {
        NewInterview leaver = leaver("attributed");
        InterviewView interview = reviewWaiting(leaver);
        Task review = driver.reviewTask(interview.id());
        review.setDueDate(Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        processEngine.getTaskService().saveTask(review);
        long overdue = processEngine.getTaskService().createTaskQuery()
                .processDefinitionKey(ExitInterviewProcess.KEY).taskDefinitionKey(ExitInterviewProcess.REVIEW_TASK)
                .dueBefore(new Date()).count();
        hrChannel.reset();

        processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
                .processDefinitionKey(HrNotificationProcess.KEY).activityId("StartEvent_DailyDigest").timers()
                .singleResult().getId());
        runDueJobs();

        String text = (overdue == 1 ? "1 review is" : overdue + " reviews are") + " past the due date in Tasklist.";
        Post slack = onlyPost(HrChannelReceiver.SLACK);
        Post teams = onlyPost(HrChannelReceiver.TEAMS);
        assertSlackShape(slack, "Exit interview reviews are overdue", tasklistFilter(HrTasklistFilters.OVERDUE));
        assertTeamsShape(teams, "Exit interview reviews are overdue", tasklistFilter(HrTasklistFilters.OVERDUE));
        assertThat(slack.json().get("text").asText()).endsWith(text);
        assertNothingAbout(leaver, interview, slack, teams);
    }

    @Test
    void anIncidentIsAnnouncedOnceWithItsProcessStepAndCountAndNeverItsError() {
        String businessKey = "incident:" + ExitInterviewProcess.KEY + ":Task_SendInvitation";
        forgetNotifications(businessKey);
        NewInterview leaver = leaver("attributed");
        InterviewView interview = interviews.start(leaver, HR_USER);
        smtp.stop();
        try {
            exhaustRetries(invitationJob(interview));
            InterviewView second = interviews.start(leaver("attributed"), HR_USER);
            exhaustRetries(invitationJob(second));
        } finally {
            smtp.start();
        }
        Incident incident = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(interview.processInstanceId()).singleResult();
        assertThat(incident.getIncidentMessage()).as("the error the notice leaves out").isNotBlank();

        runDueJobs();
        Post slack = onlyPost(HrChannelReceiver.SLACK);
        Post teams = onlyPost(HrChannelReceiver.TEAMS);
        String cockpit = PUBLIC_URL + "/camunda/app/cockpit/default/#/process-definition/"
                + incident.getProcessDefinitionId() + "/runtime?activityIds=Task_SendInvitation&tab=incidents-tab";
        assertSlackShape(slack, "An incident needs an administrator", cockpit);
        assertTeamsShape(teams, "An incident needs an administrator", cockpit);
        assertThat(slack.json().get("text").asText()).contains("Process: exit-interview.",
                "Step: Send invitation (Task_SendInvitation).", "Open incidents at this step: ");
        for (Post post : List.of(slack, teams)) {
            assertThat(post.body()).doesNotContain(incident.getIncidentMessage(), "Mail server", "Exception");
        }
        assertNothingAbout(leaver, interview, slack, teams);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).count()).as("the second, within the hour, not announced")
                .isOne();
    }

    @Test
    void aNotificationThatFailsForGoodIsAnIncidentThatAnnouncesNothing() {
        hrChannel.failWith(HrChannelReceiver.SLACK, 500);
        hrChannel.failWith(HrChannelReceiver.TEAMS, 500);
        reviewWaiting(leaver("attributed"));
        long notifications = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(HrNotificationProcess.KEY).count();

        List<Job> posts = processEngine.getManagementService().createJobQuery()
                .processDefinitionKey(HrNotificationProcess.KEY).activityId(HrNotificationProcess.NOTIFY_TASK)
                .withException().list();
        assertThat(posts).hasSize(2);
        posts.forEach(this::exhaustRetries);

        assertThat(processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(posts.get(0).getProcessInstanceId()).count()).isEqualTo(2);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(HrNotificationProcess.KEY).count()).as("no notice of the notice").isEqualTo(notifications);
        processEngine.getRuntimeService().deleteProcessInstance(posts.get(0).getProcessInstanceId(), "test over");
    }

    private NewInterview leaver(String visibility) {
        NewInterview fixture = InterviewFixtures.newInterview();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new NewInterview(fixture.employeeId(), "Quentin Zephyr-" + unique, fixture.email(),
                "Dept-" + unique, "Role-" + unique, "Manager-" + unique, fixture.lastWorkingDay(), "en", null,
                visibility);
    }

    /** Runs the interview until HR's review waits, the channels' posts included. */
    private InterviewView reviewWaiting(NewInterview leaver) {
        InterviewView interview = interviews.start(leaver, HR_USER);
        runDueJobs();
        driver.answer(interview.id(), ANSWER);
        driver.stop(interview.id());
        assertThat(driver.reviewTask(interview.id())).isNotNull();
        return interview;
    }

    private Post onlyPost(String path) {
        assertThat(hrChannel.posts(path)).as("posts to %s", path).hasSize(1);
        Post post = hrChannel.posts(path).get(0);
        assertThat(post.contentType()).startsWith("application/json");
        return post;
    }

    /** Slack's incoming webhook: {@code text} and Block Kit {@code blocks} within their documented limits. */
    private static void assertSlackShape(Post post, String headline, String link) {
        JsonNode message = post.json();
        assertThat(message.get("text").asText()).startsWith(headline + ": ");
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.isArray()).isTrue();
        assertThat(blocks.size()).isBetween(1, 50);
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo(headline).hasSizeLessThanOrEqualTo(150);
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(1).at("/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(1).at("/text/text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(3000)
                .doesNotContain("<", ">");
        assertThat(blocks.get(2).get("type").asText()).isEqualTo("actions");
        JsonNode button = blocks.get(2).get("elements").get(0);
        assertThat(blocks.get(2).get("elements").size()).isBetween(1, 25);
        assertThat(button.get("type").asText()).isEqualTo("button");
        assertThat(button.at("/text/type").asText()).isEqualTo("plain_text");
        assertThat(button.at("/text/text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(75);
        assertThat(button.get("url").asText()).isEqualTo(link).hasSizeLessThanOrEqualTo(3000);
        assertThat(URI.create(link).isAbsolute()).isTrue();
    }

    /** A Teams Workflows webhook: a message with one Adaptive Card attachment, version at most 1.5. */
    private static void assertTeamsShape(Post post, String headline, String link) {
        JsonNode message = post.json();
        assertThat(message.get("type").asText()).isEqualTo("message");
        assertThat(message.get("attachments").size()).isOne();
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(Double.parseDouble(card.get("version").asText())).isBetween(1.0, 1.5);
        List<String> texts = new ArrayList<>();
        card.get("body").forEach(element -> {
            assertThat(element.get("type").asText()).isEqualTo("TextBlock");
            assertThat(element.get("wrap").asBoolean()).isTrue();
            texts.add(element.get("text").asText());
        });
        assertThat(texts).first().isEqualTo(headline);
        JsonNode action = card.get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(action.get("title").asText()).isNotBlank();
        assertThat(action.get("url").asText()).isEqualTo(link);
    }

    private static void assertNothingAbout(NewInterview leaver, InterviewView interview, Post... posts) {
        for (Post post : posts) {
            assertThat(post.body()).doesNotContain(leaver.name(), "Quentin", "Zephyr", leaver.email(),
                    leaver.employeeId(), leaver.department(), leaver.role(), leaver.manager(),
                    leaver.lastWorkingDay().toString(), interview.id().toString(), interview.processInstanceId(),
                    ANSWER, "migration");
        }
    }

    private String tasklistFilter(String name) {
        return PUBLIC_URL + "/camunda/app/tasklist/default/#/?filter=" + filters.idOf(name).orElseThrow();
    }

    private Job notifyJob() {
        return processEngine.getManagementService().createJobQuery().processDefinitionKey(HrNotificationProcess.KEY)
                .activityId(HrNotificationProcess.NOTIFY_TASK).withException().singleResult();
    }

    private Job invitationJob(InterviewView interview) {
        return processEngine.getManagementService().createJobQuery()
                .processInstanceId(interview.processInstanceId()).activityId("Task_SendInvitation").singleResult();
    }

    /** Runs a failing job until its retries are spent, as the job executor would over the retry cycle. */
    private void exhaustRetries(Job job) {
        var management = processEngine.getManagementService();
        for (int attempt = 0; attempt < 10; attempt++) {
            Job now = management.createJobQuery().jobId(job.getId()).singleResult();
            if (now == null || now.getRetries() == 0) {
                return;
            }
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // one retry fewer
            }
        }
        throw new IllegalStateException("Job " + job.getId() + " keeps its retries");
    }

    /** Earlier notices of the same step (other tests') would hold this one back for the quiet period. */
    private void forgetNotifications(String businessKey) {
        var runtime = processEngine.getRuntimeService();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test"));
        var history = processEngine.getHistoryService();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(instance -> history.deleteHistoricProcessInstance(instance.getId()));
    }
}
