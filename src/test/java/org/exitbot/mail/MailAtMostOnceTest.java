package org.exitbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviewProcess;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail goes out at most once. Its send is recorded in a transaction of its own before and after the SMTP call,
 * so a retry of the step (after the commit failed, or after a crash) never sends it again; a send that was begun
 * and never confirmed is not repeated but shown as an incident.
 */
class MailAtMostOnceTest extends ExitBotIntegrationTest {

    @Autowired
    ExitInterviews interviews;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInvitationIsSentOnceEvenWhenTheCommitAfterTheSendFails() {
        var request = InterviewFixtures.newInterview();
        InterviewView started = interviews.start(request, HR_USER);
        Job job = invitationJob(started);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            processEngine.getManagementService().executeJob(job.getId());
            throw new IllegalStateException("the database fails the commit after the mail went out");
        })).hasMessageContaining("fails the commit");
        assertThat(smtp.getReceivedMessagesForDomain(request.email())).hasSize(1);
        assertThat(invitationJob(started)).as("the step is still to do").isNotNull();

        processEngine.getManagementService().executeJob(job.getId());
        assertThat(smtp.getReceivedMessagesForDomain(request.email())).as("the retry sends no second mail").hasSize(1);
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).count()).isEqualTo(1);
    }

    @Test
    void aSendThatWasBegunButNeverConfirmedIsNotRepeatedAndShowsAsAnIncident() {
        var request = InterviewFixtures.newInterview();
        InterviewView started = interviews.start(request, HR_USER);
        // a node died between starting the SMTP call and recording that it went out
        jdbc.update("insert into mail_send (interview_id, kind, state, begun_at) values (?, 'invitation', 'sending', ?)",
                started.id(), Timestamp.from(Instant.now().minusSeconds(600)));

        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain(request.email())).isEmpty();
        var incident = processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(started.processInstanceId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo("mailUnconfirmed");
        assertThat(incident.getIncidentMessage()).contains("invitation").contains("may not have arrived");
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).count()).as("the interview goes on").isEqualTo(1);
    }

    @Test
    void aSentMailIsRecordedWithoutTheAddressOrTheText() {
        var request = InterviewFixtures.newInterview();
        InterviewView started = interviews.start(request, HR_USER);
        runDueJobs();
        var row = jdbc.queryForMap("select * from mail_send where interview_id = ?", started.id());
        assertThat(row.get("state")).isEqualTo("sent");
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(request.email()))
                .noneMatch(value -> String.valueOf(value).contains(request.name()));
        assertThat(UUID.fromString(String.valueOf(row.get("interview_id")))).isEqualTo(started.id());
    }

    private Job invitationJob(InterviewView started) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(started.processInstanceId())
                .activityId("Task_SendInvitation").singleResult();
    }
}
