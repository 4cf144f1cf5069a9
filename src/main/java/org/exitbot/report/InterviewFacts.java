package org.exitbot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads {@link InterviewFact}s: each interview with its latest analysis, less the themes the employee removed, and
 * its review.
 */
@Repository
class InterviewFacts {

    private static final String SELECT = """
            select i.id, i.employee_id, i.employee_name, i.department, i.visibility, i.status, i.finished_as,
                   i.last_working_day, i.created_at, i.invited_at, i.started_at, i.finished_at, i.closed_at,
                   i.llm_fallback, (select count(*) from interview_message m
                                    where m.interview_id = i.id and m.kind = 'SCRIPTED_FOLLOW_UP') as scripted_follow_ups,
                   a.sentiment, a.score, a.main_reason, a.themes,
                   r.departure_type, r.regrettable, r.rehire_eligible, i.demo
            from interview i
            left join interview_analysis a
                   on a.id = (select max(x.id) from interview_analysis x where x.interview_id = i.id)
            left join interview_review r on r.interview_id = i.id
            """;

    record ThemeOnly(Theme theme) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    InterviewFacts(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    List<InterviewFact> find(ReportFilter filter) {
        Map<UUID, Set<Theme>> removed = removedByEmployees();
        return jdbc.query(SELECT + "where 1 = 1" + filter.sqlConditions() + "\norder by i.created_at desc, i.id",
                (rs, row) -> fact(rs, removed), filter.sqlArguments().toArray());
    }

    /** The themes employees removed from their summaries: the reports leave them out, as HR's review does. */
    private Map<UUID, Set<Theme>> removedByEmployees() {
        var removed = new HashMap<UUID, Set<Theme>>();
        jdbc.query("select interview_id, theme from employee_summary_theme where removed = true", rs -> {
            removed.computeIfAbsent(rs.getObject(1, UUID.class), id -> EnumSet.noneOf(Theme.class))
                    .add(Theme.valueOf(rs.getString(2)));
        });
        return removed;
    }

    @Transactional(readOnly = true)
    List<String> departments() {
        return jdbc.queryForList("select distinct department from interview order by department", String.class);
    }

    private InterviewFact fact(ResultSet rs, Map<UUID, Set<Theme>> removedByEmployees) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Set<Theme> removed = removedByEmployees.getOrDefault(id, Set.of());
        String finishedAs = rs.getString("finished_as");
        String sentiment = rs.getString("sentiment");
        Theme mainReason = rs.getString("main_reason") == null ? null : Theme.valueOf(rs.getString("main_reason"));
        Object score = rs.getObject("score");
        Object regrettable = rs.getObject("regrettable");
        return new InterviewFact(id, rs.getString("employee_id"),
                rs.getString("employee_name"), rs.getString("department"),
                Visibility.valueOf(rs.getString("visibility")), InterviewStatus.valueOf(rs.getString("status")),
                finishedAs == null ? null : InterviewStatus.valueOf(finishedAs),
                rs.getObject("last_working_day", LocalDate.class), instant(rs, "created_at"),
                instant(rs, "invited_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "closed_at"), rs.getBoolean("llm_fallback"), rs.getInt("scripted_follow_ups"),
                sentiment == null ? null : Sentiment.valueOf(sentiment),
                score == null ? null : ((Number) score).doubleValue(),
                mainReason != null && removed.contains(mainReason) ? null : mainReason,
                themes(rs.getString("themes")).stream().filter(theme -> !removed.contains(theme)).toList(),
                rs.getString("departure_type"), regrettable == null ? null : (Boolean) regrettable,
                rs.getString("rehire_eligible"), rs.getBoolean("demo"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The distinct themes of an analysis, in the order found. */
    private List<Theme> themes(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(objectMapper.readValue(json, ThemeOnly[].class)).stream()
                    .map(ThemeOnly::theme).distinct().toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored themes are not valid JSON", e);
        }
    }
}
