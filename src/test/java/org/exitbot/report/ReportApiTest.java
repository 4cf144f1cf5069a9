package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exitbot.ExitBotIntegrationTest;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.report.ReportFixtures.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

class ReportApiTest extends ExitBotIntegrationTest {

    private static final Instant JANUARY = LocalDate.of(2026, 1, 10).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant FEBRUARY = LocalDate.of(2026, 2, 10).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    ReportFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ReportFixtures(jdbc);
    }

    @Test
    void theSummaryCountsAndAveragesGroupsOfAtLeastKAndHidesSmallerOnes() {
        String department = ReportFixtures.department();
        for (int i = 0; i < 6; i++) {
            fixtures.insert(Seed.completed(department, JANUARY, -0.5, Theme.COMPENSATION_BENEFITS));
        }
        for (int i = 0; i < 3; i++) {
            fixtures.insert(Seed.completed(department, FEBRUARY, 0.5, Theme.CAREER_GROWTH).anonymous());
        }
        fixtures.insert(Seed.completed(department, FEBRUARY, 0.0, Theme.CAREER_GROWTH).finishedAs(InterviewStatus.STOPPED));

        JsonNode summary = hr().getForObject("/api/reports/summary?department=" + department, JsonNode.class);

        assertThat(summary.at("/invited/count").asInt())
                .as("February's 4 are a cell of fewer than k: left out of every figure, totals too").isEqualTo(6);
        assertThat(summary.at("/completed/count").asInt()).isEqualTo(6);
        assertThat(summary.at("/reviewed/count").asInt()).isEqualTo(6);
        assertThat(summary.at("/completionRate").asDouble()).isEqualTo(1.0);
        assertThat(Duration.parse(summary.at("/medianTimeToComplete").asText())).isEqualTo(Duration.ofHours(30));
        JsonNode months = summary.get("sentimentByMonth");
        assertThat(months.get(0).at("/interviews/group").asText()).isEqualTo("2026-01");
        assertThat(months.get(0).at("/interviews/count").asInt()).isEqualTo(6);
        assertThat(months.get(0).get("averageScore").asDouble()).isEqualTo(-0.5);
        assertThat(months.get(1).at("/interviews/group").asText()).isEqualTo("2026-02");
        assertThat(months.get(1).at("/interviews/count").isNull()).as("4 in February: fewer than k").isTrue();
        assertThat(months.get(1).at("/interviews/fewerThan").asInt()).isEqualTo(5);
        assertThat(months.get(1).get("averageScore").isNull()).as("never broken down").isTrue();
        assertThat(summary.get("topThemes").get(0).get("group").asText()).isEqualTo("compensation_benefits");
        assertThat(summary.get("topThemes").get(0).get("count").asInt()).isEqualTo(6);
        assertThat(summary.get("topThemes")).as("February's theme is not counted").hasSize(1);
        assertThat(summary.get("reasons").get(0).get("count").asInt()).isEqualTo(6);
    }

    @Test
    void aSelectionOfFewerThanKInterviewsShowsNothingButThat() {
        String department = ReportFixtures.department();
        for (int i = 0; i < 4; i++) {
            fixtures.insert(Seed.completed(department, JANUARY, -0.5, Theme.WORKLOAD_STRESS));
        }
        JsonNode summary = hr().getForObject("/api/reports/summary?department=" + department, JsonNode.class);
        assertThat(summary.at("/invited/count").isNull()).isTrue();
        assertThat(summary.at("/invited/fewerThan").asInt()).isEqualTo(5);
        assertThat(summary.at("/completed/count").isNull()).isTrue();
        assertThat(summary.get("completionRate").isNull()).isTrue();
        assertThat(summary.get("medianTimeToComplete").isNull()).isTrue();
        assertThat(summary.get("sentimentByMonth")).isEmpty();
        assertThat(summary.get("topThemes")).isEmpty();
    }

    @Test
    void theDateRangeSelectsByInvitationDate() {
        String department = ReportFixtures.department();
        for (int i = 0; i < 5; i++) {
            fixtures.insert(Seed.completed(department, JANUARY, -0.2, Theme.ROLE_FIT));
            fixtures.insert(Seed.completed(department, FEBRUARY, 0.2, Theme.ROLE_FIT));
        }
        JsonNode february = hr().getForObject("/api/reports/summary?department=" + department
                + "&from=2026-02-01&to=2026-02-28", JsonNode.class);
        assertThat(february.at("/invited/count").asInt()).isEqualTo(5);
        assertThat(february.get("sentimentByMonth")).extracting(g -> g.at("/interviews/group").asText())
                .containsExactly("2026-02");
        JsonNode emptyFields = hr().getForObject("/api/reports/summary?from=&to=&department=" + department,
                JsonNode.class);
        assertThat(emptyFields.at("/invited/count").asInt()).as("an empty field of the filter form is no filter")
                .isEqualTo(10);
    }

    @Test
    void theCsvExportListsTheAttributedInterviewsAsTheDatabaseHasThem() throws Exception {
        String department = ReportFixtures.department();
        var attributed = new ArrayList<UUID>();
        for (int i = 0; i < 5; i++) {
            attributed.add(fixtures.insert(Seed.completed(department, JANUARY.plusSeconds(i * 60L), -0.25 * (i + 1),
                    Theme.MANAGER_RELATIONSHIP)));
        }
        attributed.add(fixtures.insert(Seed.completed(department, FEBRUARY, 0.1, Theme.TEAM_CULTURE).notFinished()));
        UUID anonymous = fixtures.insert(Seed.completed(department, JANUARY, 0.3, Theme.RECOGNITION).anonymous());

        ResponseEntity<String> response = hr().getForEntity("/api/reports/export?format=csv&department=" + department,
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.getBody())).getRecords();
        assertThat(rows).extracting(r -> UUID.fromString(r.get("id")))
                .containsExactlyInAnyOrderElementsOf(attributed).doesNotContain(anonymous);
        for (CSVRecord row : rows) {
            Map<String, Object> db = jdbc.queryForMap("""
                    select i.employee_id, i.employee_name, i.department, i.status, i.finished_as, i.last_working_day,
                           a.sentiment, a.score, a.main_reason, r.departure_type, r.regrettable, r.rehire_eligible
                    from interview i
                    left join interview_analysis a on a.interview_id = i.id
                    left join interview_review r on r.interview_id = i.id
                    where i.id = ?""", UUID.fromString(row.get("id")));
            assertThat(row.get("employeeId")).isEqualTo(db.get("employee_id"));
            assertThat(row.get("name")).isEqualTo(db.get("employee_name"));
            assertThat(row.get("department")).isEqualTo(db.get("department"));
            assertThat(row.get("status")).isEqualToIgnoringCase((String) db.get("status"));
            assertThat(row.get("finishedAs")).isEqualToIgnoringCase(db.get("finished_as") == null ? "" : (String) db.get("finished_as"));
            assertThat(row.get("lastWorkingDay")).isEqualTo(db.get("last_working_day").toString());
            assertThat(row.get("sentiment")).isEqualToIgnoringCase(db.get("sentiment") == null ? "" : (String) db.get("sentiment"));
            assertThat(row.get("score")).isEqualTo(db.get("score") == null ? "" : db.get("score").toString());
            assertThat(row.get("mainReason")).isEqualToIgnoringCase(db.get("main_reason") == null ? "" : (String) db.get("main_reason"));
            assertThat(row.get("departureType")).isEqualTo(db.get("departure_type") == null ? "" : db.get("departure_type"));
            assertThat(row.get("regrettable")).isEqualTo(db.get("regrettable") == null ? "" : db.get("regrettable").toString());
            assertThat(row.get("rehireEligible")).isEqualTo(db.get("rehire_eligible") == null ? "" : db.get("rehire_eligible"));
            assertThat(row.get("scriptedFollowUps")).isEqualTo(jdbc.queryForObject("select count(*) from interview_message "
                    + "where interview_id = ? and kind = 'SCRIPTED_FOLLOW_UP'", Long.class, UUID.fromString(row.get("id")))
                    .toString());
        }
    }

    @Test
    void theJsonExportsCarryTheSameRowsAndTheSummary() {
        String department = ReportFixtures.department();
        for (int i = 0; i < 5; i++) {
            fixtures.insert(Seed.completed(department, JANUARY, 0.4, Theme.BETTER_OPPORTUNITY));
        }
        for (int i = 0; i < 5; i++) {
            fixtures.insert(Seed.completed(department, JANUARY, 0.4, Theme.BETTER_OPPORTUNITY).anonymous());
        }
        JsonNode rows = hr().getForObject("/api/reports/export?format=json&department=" + department, JsonNode.class);
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r.get("visibility").asText()).isEqualTo("attributed"));
        JsonNode summary = hr().getForObject("/api/reports/export?format=json&view=summary&department=" + department,
                JsonNode.class);
        assertThat(summary.at("/invited/count").asInt()).isEqualTo(10);
        String csv = hr().getForObject("/api/reports/export?format=csv&view=summary&department=" + department,
                String.class);
        assertThat(csv).startsWith("section,group,value").contains("overview,invited,10")
                .contains("theme,better_opportunity,10").contains("sentiment_by_month,2026-01,0.400");
    }

    @Test
    void badReportParametersAreProblems() {
        for (String query : List.of("/api/reports/export?format=xml", "/api/reports/export?view=everything",
                "/api/reports/summary?from=yesterday", "/api/reports/summary?from=2026-03-01&to=2026-02-01",
                "/api/reports/process?to=31.12.2026")) {
            ResponseEntity<JsonNode> response = hr().getForEntity(query, JsonNode.class);
            assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(http.getForEntity("/api/reports/summary", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private TestRestTemplate hr() {
        return http.withBasicAuth(HR_USER, HR_PASSWORD);
    }
}
