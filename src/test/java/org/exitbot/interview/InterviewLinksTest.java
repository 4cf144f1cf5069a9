package org.exitbot.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.Mailbox;
import org.exitbot.conversation.ExitInterviews;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class InterviewLinksTest extends ExitBotIntegrationTest {

    @Autowired
    ExitInterviews interviews;

    @Autowired
    InterviewLinks links;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLinkCarries256BitsAndOnlyItsHashIsStoredAnywhere() {
        var request = InterviewFixtures.newInterview();
        var interview = interviews.start(request, HR_USER);
        runDueJobs();
        String token = Mailbox.token(Mailbox.lastTo(smtp, request.email()));

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        Map<String, Object> row = jdbc.queryForMap("select * from interview where id = ?", interview.id());
        assertThat(row.get("link_hash")).isEqualTo(InterviewLinks.hash(token));
        assertThat(row.values()).noneSatisfy(value -> assertThat(String.valueOf(value)).contains(token));
        List<String> engineText = jdbc.queryForList(
                "select coalesce(text_, '') || coalesce(text2_, '') from act_ru_variable where proc_inst_id_ = ?",
                String.class, interview.processInstanceId());
        assertThat(engineText).noneSatisfy(text -> assertThat(text).contains(token));
        assertThat(links.find(token)).hasValueSatisfying(found -> assertThat(found.getId()).isEqualTo(interview.id()));
    }

    @Test
    void everyInterviewGetsADifferentLinkAndTheReminderRepeatsIt() throws Exception {
        var first = InterviewFixtures.newInterview();
        var second = InterviewFixtures.newInterview();
        interviews.start(first, HR_USER);
        var secondInterview = interviews.start(second, HR_USER);
        runDueJobs();
        String firstToken = Mailbox.token(Mailbox.lastTo(smtp, first.email()));
        String secondToken = Mailbox.token(Mailbox.lastTo(smtp, second.email()));
        assertThat(firstToken).isNotEqualTo(secondToken);

        var reminder = processEngine.getManagementService().createJobQuery()
                .processInstanceId(secondInterview.processInstanceId()).activityId("BoundaryEvent_Reminder").singleResult();
        processEngine.getManagementService().executeJob(reminder.getId());
        smtp.purgeEmailFromAllMailboxes();
        runDueJobs();
        assertThat(Mailbox.token(Mailbox.lastTo(smtp, second.email()))).isEqualTo(secondToken);
    }
}
