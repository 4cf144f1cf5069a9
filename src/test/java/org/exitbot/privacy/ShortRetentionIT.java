package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviewThroughServicesTest;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.conversation.InterviewDriver;
import org.exitbot.hr.InterviewDetailsService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.Transcripts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The retention process with periods of seconds, configured as an operator would: the timers wait on the real
 * clock until they are due, then anonymise the interview and later delete its transcript.
 *
 * <p>An integration test of its own (failsafe), closed after it: other properties mean a second app, and Camunda's
 * REST API finds its engine by name in a registry of the whole JVM, so a second app kept alive beside the shared
 * test app would take its engine over.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "exitbot.privacy.retention=PT2S",
        "exitbot.privacy.transcript-retention=PT4S"})
class ShortRetentionIT extends ExitBotIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ExitInterviews interviews;

    @Autowired
    InterviewDetailsService interviewDetails;

    @Autowired
    InterviewRepository interviewRepository;

    @Autowired
    Transcripts transcripts;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void aReviewedInterviewIsAnonymisedAfterTheConfiguredPeriodAndLosesItsTranscriptAfterTheSecond() {
        var driver = new InterviewDriver(interviews, tasks, this::runDueJobs);
        UUID id = driver.start(HR_USER);
        driver.answer(id, "Ask Lena Fischer, or write to robin.x@private.test; my phone is +44 7700 900123.");
        driver.stop(id);
        tasks.complete(driver.reviewTask(id).getId(), ExitInterviewThroughServicesTest.reviewOutcome());
        Instant closedAt = interviewRepository.findById(id).orElseThrow().getClosedAt();
        ProcessInstance retention = runtime.createProcessInstanceQuery()
                .processDefinitionKey("interview-retention").processInstanceBusinessKey(id.toString()).singleResult();

        Job anonymiseTimer = timer(retention);
        assertThat(anonymiseTimer.getDuedate()).isEqualTo(Date.from(closedAt.plus(Duration.ofSeconds(2))));
        runWhenDue(anonymiseTimer);

        Interview anonymised = interviewRepository.findById(id).orElseThrow();
        assertThat(anonymised.getAnonymisedAt()).isNotNull();
        assertThat(anonymised.getName()).isNull();
        assertThat(anonymised.getEmail()).isNull();
        assertThat(anonymised.getEmployeeId()).isNull();
        assertThat(anonymised.getDepartment()).as("kept for the aggregates").isNotNull();
        assertThat(transcripts.thread(id, 1).answers().get(0).getText())
                .isEqualTo("Ask [name], or write to [email]; my phone is [phone].");

        Job transcriptTimer = timer(retention);
        assertThat(transcriptTimer.getDuedate()).isEqualTo(Date.from(closedAt.plus(Duration.ofSeconds(4))));
        runWhenDue(transcriptTimer);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(retention.getId()).count())
                .as("the retention process has ended").isZero();
        assertThat(transcripts.messages(id)).isEmpty();
        assertThat(interviewDetails.details(id).analysis().sentiment()).as("the aggregates stay").isNotNull();
    }

    private Job timer(ProcessInstance retention) {
        return management.createJobQuery().processInstanceId(retention.getId()).timers().singleResult();
    }

    /** Waits on the real clock until the timer is due, as the job executor would, then runs it and what follows. */
    private void runWhenDue(Job timer) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> management.createJobQuery().jobId(timer.getId()).executable().count() == 1);
        management.executeJob(timer.getId());
        runDueJobs();
    }
}
