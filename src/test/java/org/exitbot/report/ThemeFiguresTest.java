package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.Theme;
import org.exitbot.report.ReportFixtures.Seed;
import org.exitbot.report.ThemeFigures.ThemeQuote;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The k-safe figures theme actions read, k = 5: counts, and quotes that never come from fewer than k. */
class ThemeFiguresTest extends ExitBotIntegrationTest {

    static final Instant MARCH = LocalDate.of(2025, 3, 10).atStartOfDay().toInstant(ZoneOffset.UTC);
    static final Instant APRIL = LocalDate.of(2025, 4, 10).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Autowired
    ThemeFigures figures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void countsAreOfAnalysedInterviewsAndSuppressedUnderK() {
        var fixtures = new ReportFixtures(jdbc);
        String department = ReportFixtures.department();
        insert(fixtures, department, 5, Theme.WORKLOAD_STRESS, MARCH);
        insert(fixtures, department, 2, Theme.RECOGNITION, MARCH);
        fixtures.insert(Seed.completed(department, MARCH, 0.1, Theme.ROLE_FIT).notFinished());

        var counts = figures.counts(new ReportFilter(null, null, department));

        assertThat(counts.interviews().count()).as("the unfinished one has no analysis").isEqualTo(7);
        assertThat(counts.of(Theme.WORKLOAD_STRESS).count()).isEqualTo(5);
        assertThat(counts.of(Theme.RECOGNITION).shown()).isEqualTo("fewer than 5");
        assertThat(counts.of(Theme.ROLE_FIT).count()).isZero();
        assertThat(counts.themes()).hasSize(Theme.values().length);
    }

    @Test
    void aGroupUnderKShowsNoThemeAtAllNotEvenANought() {
        var fixtures = new ReportFixtures(jdbc);
        String department = ReportFixtures.department();
        insert(fixtures, department, 4, Theme.WORKLOAD_STRESS, MARCH);

        var counts = figures.counts(new ReportFilter(null, null, department));

        assertThat(counts.interviews().suppressed()).isTrue();
        assertThat(counts.themes().values()).allMatch(GroupCount::suppressed);
    }

    @Test
    void noQuoteComesFromFewerThanKInterviewsWithTheTheme() {
        var fixtures = new ReportFixtures(jdbc);
        String department = ReportFixtures.department();
        insert(fixtures, department, 4, Theme.TEAM_CULTURE, MARCH);
        insert(fixtures, department, 10, Theme.CAREER_GROWTH, MARCH);

        assertThat(figures.quotes(new ReportFilter(null, null, department), Theme.TEAM_CULTURE, 5))
                .as("14 interviews, but only 4 with the theme").isEmpty();
    }

    @Test
    void quotesAreRedactedOnePerInterviewAndDatedNoFinerThanAMonthHoldingK() {
        var fixtures = new ReportFixtures(jdbc);
        String department = ReportFixtures.department();
        List<UUID> march = insert(fixtures, department, 5, Theme.COMPENSATION_BENEFITS, MARCH);
        List<UUID> april = insert(fixtures, department, 5, Theme.ROLE_FIT, APRIL);
        insert(fixtures, department, 1, Theme.COMPENSATION_BENEFITS, APRIL.plus(java.time.Duration.ofDays(30)));
        for (UUID id : march) {
            quote(id, "March: Lena Fischer got more; mail me at lena@home.test");
        }
        quote(april.get(0), "April: ask Mona Manager");
        var filter = new ReportFilter(null, null, department);

        List<ThemeQuote> all = figures.quotes(filter, Theme.COMPENSATION_BENEFITS, 10);

        assertThat(all).as("one per interview, none from May's cell of one").hasSize(6);
        assertThat(all).filteredOn(q -> q.text().startsWith("March"))
                .allSatisfy(q -> {
                    assertThat(q.period()).as("5 in March").isEqualTo("2025-03");
                    assertThat(q.text()).isEqualTo("March: [name] got more; mail me at [email]");
                });
        assertThat(all).filteredOn(q -> q.text().startsWith("April")).singleElement()
                .satisfies(q -> {
                    assertThat(q.period()).as("alone in April with the theme: only the span")
                            .isEqualTo("2025-03 to 2025-04");
                    assertThat(q.text()).isEqualTo("April: ask [name]");
                });
        assertThat(figures.quotes(filter, Theme.COMPENSATION_BENEFITS, 3)).hasSize(3);
    }

    private List<UUID> insert(ReportFixtures fixtures, String department, int count, Theme theme, Instant at) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> fixtures.insert(Seed.completed(department, at.plusSeconds(i), -0.4, theme)))
                .toList();
    }

    private void quote(UUID interview, String text) {
        jdbc.update("update interview set employee_name = 'Lena Fischer', manager = 'Mona Manager' where id = ?",
                interview);
        jdbc.update("update interview_analysis set themes = ? where interview_id = ?",
                "[{\"theme\":\"compensation_benefits\",\"quote\":\"" + text + "\"}]", interview);
    }
}
