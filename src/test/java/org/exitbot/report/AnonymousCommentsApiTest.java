package org.exitbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.exitbot.ExitBotIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/anonymous-comments}: a group's comments show only in ended periods holding k interviews. */
class AnonymousCommentsApiTest extends ExitBotIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGroupOpensOnlyForPeriodsOfKInterviewsAndShowsTheirCommentsInRandomOrder() {
        String open = "Comments " + UUID.randomUUID().toString().substring(0, 8);
        String small = "Few " + UUID.randomUUID().toString().substring(0, 8);
        stored(open, LocalDate.of(2026, 1, 1), 2, "January");
        stored(open, LocalDate.of(2026, 2, 1), 3, "February");
        stored(open, LocalDate.of(2026, 3, 1), 1, "March");
        stored(small, LocalDate.of(2026, 1, 1), 4, "Small group");

        JsonNode group = group(open);
        assertThat(group.get("open").asBoolean()).isTrue();
        assertThat(group.get("interviews").asInt()).isEqualTo(5);
        assertThat(group.get("comments")).hasSize(5).allSatisfy(comment -> {
            assertThat(comment.get("period").asText()).isEqualTo("2026-01 to 2026-02");
            assertThat(comment.has("id")).as("nothing to group them by").isFalse();
        });
        assertThat(group.toString()).doesNotContain("March");

        JsonNode closed = group(small);
        assertThat(closed.get("open").asBoolean()).isFalse();
        assertThat(closed.get("comments")).isEmpty();
        assertThat(closed.get("interviews").isNull()).as("no count below k").isTrue();

        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            orders.add(group(open).get("comments").findValuesAsText("text").toString());
        }
        assertThat(orders).as("a fresh random order every time").hasSizeGreaterThan(1);
    }

    private JsonNode group(String department) {
        JsonNode report = http.withBasicAuth(HR_USER, HR_PASSWORD)
                .getForObject("/api/anonymous-comments?department={department}", JsonNode.class, department);
        assertThat(report.get("minGroupSize").asInt()).isEqualTo(5);
        return StreamSupport.stream(report.get("groups").spliterator(), false)
                .filter(g -> g.get("group").asText().equals(department)).findFirst().orElseThrow();
    }

    /** As anonymisation stores them: one comment per interview here, and the month's count. */
    private void stored(String department, LocalDate month, int interviews, String text) {
        for (int i = 0; i < interviews; i++) {
            jdbc.update("insert into anonymous_comment (id, department, month_start, question_id, text) values (?, ?, ?, ?, ?)",
                    UUID.randomUUID(), department, Date.valueOf(month), "reason", text + " comment " + i);
        }
        jdbc.update("insert into anonymous_comment_count (department, month_start, interviews) values (?, ?, ?)",
                department, Date.valueOf(month), interviews);
    }
}
