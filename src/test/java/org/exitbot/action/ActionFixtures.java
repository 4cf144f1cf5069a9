package org.exitbot.action;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.exitbot.analysis.Theme;
import org.exitbot.report.ReportFixtures;
import org.exitbot.report.ReportFixtures.Seed;
import org.springframework.jdbc.core.JdbcTemplate;

/** Analysed interviews in a department of their own, and an HR user who can own actions and get mail. */
final class ActionFixtures {

    static final String OWNER = "actionowner";
    static final String OWNER_EMAIL = "action.owner@acme.test";

    private final JdbcTemplate jdbc;
    private final ReportFixtures reports;

    ActionFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.reports = new ReportFixtures(jdbc);
    }

    static String department() {
        return ReportFixtures.department();
    }

    /** {@code count} finished, analysed interviews whose analysis found only {@code theme}, a second apart. */
    List<UUID> interviews(String department, int count, Theme theme, Instant invitedAt) {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            ids.add(reports.insert(Seed.completed(department, invitedAt.plusSeconds(i), -0.5, theme)));
        }
        return ids;
    }

    /** The interview's quote for its theme names the employee, their manager and an address of theirs. */
    void quoteWithNames(UUID interview, Theme theme) {
        jdbc.update("update interview set employee_name = 'Lena Fischer', manager = 'Mona Manager' where id = ?",
                interview);
        jdbc.update("update interview_analysis set themes = ? where interview_id = ?", "[{\"theme\":\"" + theme.code()
                + "\",\"quote\":\"Lena Fischer here: Mona never listened, the workload kept growing; write to "
                + "me.private@home.test\"}]", interview);
    }

    static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    static void ensureOwner(IdentityService identity) {
        if (identity.createUserQuery().userId(OWNER).count() == 0) {
            var user = identity.newUser(OWNER);
            user.setFirstName("Olive");
            user.setLastName("Owner");
            user.setEmail(OWNER_EMAIL);
            user.setPassword("action-owner-password");
            identity.saveUser(user);
            identity.createMembership(OWNER, "hr");
        }
    }
}
