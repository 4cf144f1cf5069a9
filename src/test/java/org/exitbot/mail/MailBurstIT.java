package org.exitbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.conversation.ExitInterviews;
import org.exitbot.interview.InterviewFixtures;
import org.exitbot.interview.InterviewView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HR starts many interviews at once with the real job executor on the default thread and pool sizes: every
 * invitation job takes a second connection for the mail ledger while it holds the engine's, and none waits for
 * another's connection (with as many job threads as connections they all did, 30 s at a time, and mails ended
 * unconfirmed). A context of its own, closed after the class, as in {@code SlowLlmIT}.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MailBurstIT extends ExitBotIntegrationTest {

    static final int INTERVIEWS = 40;

    @DynamicPropertySource
    static void realJobExecutor(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
    }

    @Autowired
    ExitInterviews interviews;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fortyInvitationsAtOnceAllGoOutOnceWithoutWaitingForAConnection() {
        var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        List<InterviewView> started = new ArrayList<>();
        for (int i = 0; i < INTERVIEWS; i++) {
            started.add(interviews.start(InterviewFixtures.newInterview(), HR_USER));
        }
        String[] instances = started.stream().map(InterviewView::processInstanceId).toArray(String[]::new);

        await().atMost(Duration.ofSeconds(25)).until(() -> smtp.getReceivedMessages().length >= INTERVIEWS);

        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(MailBurstIT::recipient))
                .containsExactlyInAnyOrderElementsOf(started.stream().map(InterviewView::email).toList());
        assertThat(started).allSatisfy(interview -> assertThat(jdbc.queryForList(
                "select state from mail_send where interview_id = ? and kind = 'invitation'", String.class,
                interview.id())).containsExactly("sent"));
        for (String instance : instances) {
            assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count())
                    .isZero();
            assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance)
                    .withException().count()).isZero();
        }
        assertThat(pool.getThreadsAwaitingConnection()).isZero();
    }

    private static String recipient(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
