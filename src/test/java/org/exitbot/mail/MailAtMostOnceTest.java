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
 * A mail goes out once. Its send is recorded in a transaction of its own before and after the SMTP call, so a
 * retry of the step after its commit failed never sends it again; a send that was begun and never confirmed (its
 * node died during the SMTP call) is sent again under the same Message-ID, without an incident.
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
    void aSendCutOffBeforeTheMailServerAnsweredIsSentAgainWithoutAnIncident() {
        var request = InterviewFixtures.newInterview();
        InterviewView started = interviews.start(request, HR_USER);
        // a node died during the SMTP call, before the mail server took the mail
        jdbc.update("insert into mail_send (interview_id, kind, state, begun_at) values (?, 'invitation', 'sending', ?)",
                started.id(), Timestamp.from(Instant.now().minusSeconds(70)));

        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain(request.email())).hasSize(1);
        assertThat(jdbc.queryForObject("select state from mail_send where interview_id = ? and kind = 'invitation'",
                String.class, started.id())).isEqualTo("sent");
        assertThat(processEngine.getRuntimeService().createIncidentQuery()
                .processInstanceId(started.processInstanceId()).count()).isZero();
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(ExitInterviewProcess.ANSWER_TASK).count()).as("the interview goes on").isEqualTo(1);
    }

    @Test
    void aMailSentAgainAfterACutOffSendHasTheSameMessageIdSoTheMailboxShowsItOnce() throws Exception {
        var request = InterviewFixtures.newInterview();
        InterviewView started = interviews.start(request, HR_USER);
        Job job = invitationJob(started);
        // the node died after the mail server took the mail and before the send was confirmed
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            processEngine.getManagementService().executeJob(job.getId());
            throw new IllegalStateException("the node dies");
        })).hasMessageContaining("dies");
        jdbc.update("update mail_send set state = 'sending' where interview_id = ?", started.id());

        processEngine.getManagementService().executeJob(job.getId());
        var mails = smtp.getReceivedMessagesForDomain(request.email());
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getMessageID()).startsWith("<").endsWith("@acme.test>")
                .doesNotContain(started.id().toString()).isEqualTo(mails[1].getMessageID());
        var other = interviews.start(InterviewFixtures.newInterview(), HR_USER);
        runDueJobs();
        assertThat(smtp.getReceivedMessagesForDomain(other.email())[0].getMessageID())
                .as("another interview's invitation").isNotEqualTo(mails[0].getMessageID());
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
