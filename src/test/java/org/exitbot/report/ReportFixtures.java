package org.exitbot.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exitbot.analysis.Sentiment;
import org.exitbot.analysis.Theme;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes finished interviews straight into the app's tables, as the process would have left them, so report
 * tests and the benchmark get many interviews fast. Each test uses a department of its own.
 */
public final class ReportFixtures {

    static final String ANSWER = "The workload kept growing and nobody listened.";

    private final JdbcTemplate jdbc;
    private final long questionSetId;

    public ReportFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.questionSetId = jdbc.queryForObject(
                "select min(id) from question_set where name = 'default' and locale = 'en'", Long.class);
    }

    public static String department() {
        return "Dept " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An interview with its analysis and, when {@code departureType} is given, HR's review. */
    public record Seed(String department, Visibility visibility, InterviewStatus finishedAs, boolean reviewed,
            Instant invitedAt, Duration timeToFinish, Sentiment sentiment, Double score, Theme mainReason,
            List<Theme> themes, String departureType) {

        public static Seed completed(String department, Instant invitedAt, double score, Theme reason) {
            return new Seed(department, Visibility.ATTRIBUTED, InterviewStatus.COMPLETED, true, invitedAt,
                    Duration.ofHours(30), score < 0 ? Sentiment.NEGATIVE : Sentiment.POSITIVE, score, reason,
                    List.of(reason), "voluntary");
        }

        public Seed anonymous() {
            return new Seed(department, Visibility.ANONYMOUS, finishedAs, reviewed, invitedAt, timeToFinish,
                    sentiment, score, mainReason, themes, departureType);
        }

        public Seed notFinished() {
            return new Seed(department, visibility, null, false, invitedAt, null, null, null, null, List.of(), null);
        }

        public Seed finishedAs(InterviewStatus status) {
            return new Seed(department, visibility, status, reviewed, invitedAt, timeToFinish, sentiment, score,
                    mainReason, themes, departureType);
        }
    }

    public UUID insert(Seed seed) {
        UUID id = UUID.randomUUID();
        String employeeId = "R-" + id.toString().substring(0, 8);
        Instant finished = seed.finishedAs() == null ? null : seed.invitedAt().plus(seed.timeToFinish());
        InterviewStatus status = seed.finishedAs() == null ? InterviewStatus.IN_PROGRESS
                : seed.reviewed() ? InterviewStatus.CLOSED : seed.finishedAs();
        Instant closed = status == InterviewStatus.CLOSED ? finished.plus(Duration.ofDays(1)) : null;
        jdbc.update("""
                insert into interview (id, employee_id, employee_name, email, department, last_working_day, locale,
                    question_set_id, visibility, status, finished_as, open_employee_id, llm_fallback, created_by,
                    created_at, invited_at, started_at, finished_at, closed_at)
                values (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, false, 'fixture', ?, ?, ?, ?, ?)""",
                id, employeeId, "Reported Person " + employeeId, employeeId.toLowerCase() + "@private.test",
                seed.department(), LocalDate.ofInstant(seed.invitedAt(), java.time.ZoneOffset.UTC).plusDays(14),
                questionSetId, seed.visibility().name(), status.name(),
                seed.finishedAs() == null ? null : seed.finishedAs().name(),
                status == InterviewStatus.CLOSED ? null : employeeId,
                ts(seed.invitedAt()), ts(seed.invitedAt()), ts(seed.invitedAt().plusSeconds(600)), ts(finished),
                ts(closed));
        jdbc.update("""
                insert into interview_message (interview_id, role, kind, question_number, question_id, text,
                    recorded_by, created_at) values (?, 'BOT', 'QUESTION', 1, 'reasons_for_leaving', ?, 'bot', ?),
                    (?, 'EMPLOYEE', 'ANSWER', 1, 'reasons_for_leaving', ?, 'employee', ?)""",
                id, "What is the main reason you decided to leave?", ts(seed.invitedAt().plusSeconds(1)),
                id, ANSWER, ts(seed.invitedAt().plusSeconds(600)));
        if (seed.score() != null) {
            String themes = seed.themes().stream()
                    .map(t -> "{\"theme\":\"" + t.code() + "\",\"quote\":\"" + ANSWER + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            jdbc.update("""
                    insert into interview_analysis (interview_id, sentiment, score, summary, main_reason, themes,
                        model, prompt_version, fallback, created_at) values (?, ?, ?, ?, ?, ?, 'fixture', 'fixture', false, ?)""",
                    id, seed.sentiment().name(), seed.score(), "The employee left; a fixture's summary.",
                    seed.mainReason() == null ? null : seed.mainReason().name(), themes, ts(finished));
        }
        if (status == InterviewStatus.CLOSED && seed.departureType() != null) {
            jdbc.update("""
                    insert into interview_review (interview_id, reviewer, departure_type, regrettable, rehire_eligible,
                        actions, notes, reviewed_at) values (?, 'hr', ?, true, 'yes', 'Talk to the team', null, ?)""",
                    id, seed.departureType(), ts(closed));
        }
        return id;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
