package org.exitbot.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.exitbot.interview.AnswerText;
import org.exitbot.system.ConflictException;
import org.exitbot.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member check: before the employee finishes, they read what HR will read of their interview, statement by
 * statement, and correct or remove any; then they confirm it. What they leave is what HR's review and the API show
 * as the summary (the original stays beside it). An anonymous employee instead reads their answers as the group
 * view of anonymous comments will show them ({@link Kind#COMMENTS}), and what they remove or correct there is what
 * that view gets.
 */
@Service
public class EmployeeSummaries {

    /** The longest corrected statement, in characters. */
    public static final int MAX_STATEMENT_LENGTH = 1000;

    public enum Kind {
        /** The analysis' summary, for HR's review. */
        SUMMARY,
        /** An anonymous interview's answers, redacted, as the anonymous comments will show them. */
        COMMENTS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One statement as made and as the employee left it.
     *
     * @param messageId the answer it shows, for {@link Kind#COMMENTS}; null for a summary's statement
     * @param changedAt when the employee last corrected or removed it; null while it is as made
     */
    public record Statement(int position, String original, String text, boolean removed, Long messageId,
            Instant changedAt, String changedBy) {

        public boolean corrected() {
            return !removed && !text.equals(original);
        }
    }

    /**
     * @param version     counts the employee's changes; a change or confirmation must name the version it saw
     * @param confirmedAt null while (or if ever) the employee has not confirmed it
     */
    public record Summary(Kind kind, Long analysisId, boolean fallback, int version, Instant createdAt,
            Instant confirmedAt, String confirmedBy, List<Statement> statements, List<ThemeCheck> themes) {

        public boolean confirmed() {
            return confirmedAt != null;
        }

        public List<Statement> kept() {
            return statements.stream().filter(s -> !s.removed()).toList();
        }

        public List<Statement> changed() {
            return statements.stream().filter(s -> s.removed() || s.corrected()).toList();
        }

        public List<Theme> removedThemes() {
            return themes.stream().filter(ThemeCheck::removed).map(ThemeCheck::theme).toList();
        }
    }

    /**
     * One theme of the summary, as the analysis found it, and whether the employee removed it.
     *
     * @param changedAt when the employee last removed it or put it back; null while it is as found
     */
    public record ThemeCheck(Theme theme, boolean removed, Instant changedAt, String changedBy) {
    }

    /** An anonymous employee's answer as the group view will show it. */
    public record Comment(Long messageId, String text) {
    }

    private final JdbcClient jdbc;
    private final InterviewAnalysisRepository analyses;
    private final AnalysisJson json;
    private final Clock clock;

    EmployeeSummaries(JdbcClient jdbc, InterviewAnalysisRepository analyses, AnalysisJson json, Clock clock) {
        this.jdbc = jdbc;
        this.analyses = analyses;
        this.json = json;
        this.clock = clock;
    }

    /** Lays the current analysis' summary before the employee, statement by statement (again, if it was made before). */
    @Transactional
    public Summary prepareSummary(UUID interviewId) {
        InterviewAnalysis analysis = analyses.findFirstByInterviewIdOrderByIdDesc(interviewId)
                .orElseThrow(() -> new IllegalStateException("Interview " + interviewId + " has no analysis to confirm"));
        List<Comment> statements = statementsOf(analysis).stream().map(text -> new Comment(null, text)).toList();
        return prepare(interviewId, Kind.SUMMARY, analysis, statements);
    }

    /** Lays an anonymous interview's answers before the employee as the group view will show them. */
    @Transactional
    public Summary prepareComments(UUID interviewId, List<Comment> comments) {
        InterviewAnalysis analysis = analyses.findFirstByInterviewIdOrderByIdDesc(interviewId).orElse(null);
        return prepare(interviewId, Kind.COMMENTS, analysis, comments);
    }

    @Transactional(readOnly = true)
    public Optional<Summary> of(UUID interviewId) {
        return jdbc.sql("select kind, analysis_id, fallback, version, created_at, confirmed_at, confirmed_by"
                        + " from employee_summary where interview_id = ?")
                .param(interviewId)
                .query((rs, n) -> new Summary(Kind.valueOf(rs.getString(1)), (Long) rs.getObject(2), rs.getBoolean(3),
                        rs.getInt(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7),
                        statements(interviewId), themes(interviewId)))
                .optional();
    }

    /**
     * @throws NotFoundException for a statement the summary does not have
     * @throws ConflictException when the summary changed since {@code version} (another tab), or is confirmed
     */
    @Transactional
    public Summary correct(UUID interviewId, int position, String text, int version, String by) {
        String checked = AnswerText.check(text == null ? null : text.strip(), MAX_STATEMENT_LENGTH);
        Summary summary = changeable(interviewId, version);
        Statement statement = statement(summary, position);
        if (checked.equals(statement.text()) && !statement.removed()) {
            return summary;
        }
        return change(interviewId, position, checked, false, by);
    }

    /** Removes a statement; removing it again changes nothing. Same failures as {@link #correct}. */
    @Transactional
    public Summary remove(UUID interviewId, int position, int version, String by) {
        Summary summary = changeable(interviewId, version);
        Statement statement = statement(summary, position);
        if (statement.removed()) {
            return summary;
        }
        return change(interviewId, position, statement.text(), true, by);
    }

    /**
     * Removes a theme from what HR reads ({@code removed}), or puts it back. Same failures as {@link #correct}; a
     * theme the summary does not show is not found.
     */
    @Transactional
    public Summary removeTheme(UUID interviewId, Theme theme, boolean removed, int version, String by) {
        Summary summary = changeable(interviewId, version);
        ThemeCheck check = summary.themes().stream().filter(t -> t.theme() == theme).findFirst()
                .orElseThrow(() -> new NotFoundException("No such theme",
                        "The summary does not show the theme " + theme.code() + "."));
        if (check.removed() == removed) {
            return summary;
        }
        jdbc.sql("update employee_summary_theme set removed = ?, changed_at = ?, changed_by = ?"
                        + " where interview_id = ? and theme = ?")
                .params(removed, Timestamp.from(now()), by, interviewId, theme.name()).update();
        return newVersion(interviewId);
    }

    /** @throws ConflictException when the summary changed since {@code version}, or is confirmed already */
    @Transactional
    public Summary confirm(UUID interviewId, int version, String by) {
        changeable(interviewId, version);
        jdbc.sql("update employee_summary set confirmed_at = ?, confirmed_by = ? where interview_id = ?")
                .params(Timestamp.from(now()), by, interviewId).update();
        return of(interviewId).orElseThrow();
    }

    /**
     * The summary of {@code analysis} as the employee left it, confirmed or not; empty when they were never shown
     * that analysis' summary (an older interview, a re-analysis after their check).
     */
    static Optional<String> employeeVersion(InterviewAnalysis analysis, Summary check) {
        return Optional.of(check)
                .filter(s -> s.kind() == Kind.SUMMARY && analysis.getId().equals(s.analysisId()))
                .map(s -> (s.fallback() ? FallbackVerdict.LABEL + " " : "")
                        + s.kept().stream().map(Statement::text).collect(Collectors.joining(" ")));
    }

    /** An anonymous interview's answers as the employee left them: corrected text by answer, removed ones absent. */
    @Transactional(readOnly = true)
    public Map<Long, String> keptComments(UUID interviewId) {
        var kept = new java.util.HashMap<Long, String>();
        of(interviewId).filter(s -> s.kind() == Kind.COMMENTS).ifPresent(s -> s.statements().stream()
                .filter(st -> st.messageId() != null && !st.removed())
                .forEach(st -> kept.put(st.messageId(), st.text())));
        return kept;
    }

    /** Rewrites every text of the interview's summary check with {@code redaction}. */
    @Transactional
    void redact(UUID interviewId, UnaryOperator<String> redaction) {
        for (Statement statement : statements(interviewId)) {
            jdbc.sql("update employee_summary_statement set original = ?, text = ? where interview_id = ? and position = ?")
                    .params(redaction.apply(statement.original()), redaction.apply(statement.text()), interviewId,
                            statement.position())
                    .update();
        }
    }

    private Summary prepare(UUID interviewId, Kind kind, InterviewAnalysis analysis, List<Comment> statements) {
        jdbc.sql("delete from employee_summary where interview_id = ?").param(interviewId).update();
        jdbc.sql("insert into employee_summary (interview_id, kind, analysis_id, fallback, version, created_at)"
                        + " values (?, ?, ?, ?, 0, ?)")
                .params(interviewId, kind.name(), analysis == null ? null : analysis.getId(),
                        analysis != null && analysis.isFallback(), Timestamp.from(now()))
                .update();
        List<Theme> themes = analysis == null ? List.of() : json.themes(analysis.getThemesJson()).stream()
                .map(ThemeEvidence::theme).distinct().toList();
        for (int i = 0; i < themes.size(); i++) {
            jdbc.sql("insert into employee_summary_theme (interview_id, theme, position, removed) values (?, ?, ?, false)")
                    .params(interviewId, themes.get(i).name(), i).update();
        }
        for (int i = 0; i < statements.size(); i++) {
            Comment statement = statements.get(i);
            jdbc.sql("insert into employee_summary_statement (interview_id, position, message_id, original, text, removed)"
                            + " values (?, ?, ?, ?, ?, false)")
                    .params(interviewId, i, statement.messageId(), statement.text(), statement.text()).update();
        }
        return of(interviewId).orElseThrow();
    }

    private Summary changeable(UUID interviewId, int version) {
        Summary summary = of(interviewId).orElseThrow(() -> new ConflictException("No summary yet",
                "ExitBot is still preparing your summary. Please try again in a moment."));
        if (summary.confirmed()) {
            throw new ConflictException("Summary confirmed", "You have confirmed this summary already.");
        }
        if (summary.version() != version) {
            throw new ConflictException("Summary changed",
                    "The summary was changed since you loaded it (version " + version + ", now " + summary.version()
                            + "), perhaps in another tab. Please reload the page and check it again.");
        }
        return summary;
    }

    private static Statement statement(Summary summary, int position) {
        return summary.statements().stream().filter(s -> s.position() == position).findFirst()
                .orElseThrow(() -> new NotFoundException("No such statement",
                        "The summary has no statement " + position + "."));
    }

    private Summary change(UUID interviewId, int position, String text, boolean removed, String by) {
        Timestamp at = Timestamp.from(now());
        jdbc.sql("update employee_summary_statement set text = ?, removed = ?, changed_at = ?, changed_by = ?"
                        + " where interview_id = ? and position = ?")
                .params(text, removed, at, by, interviewId, position).update();
        return newVersion(interviewId);
    }

    private Summary newVersion(UUID interviewId) {
        jdbc.sql("update employee_summary set version = version + 1 where interview_id = ?").param(interviewId).update();
        return of(interviewId).orElseThrow();
    }

    private List<ThemeCheck> themes(UUID interviewId) {
        return jdbc.sql("select theme, removed, changed_at, changed_by from employee_summary_theme"
                        + " where interview_id = ? order by position")
                .param(interviewId)
                .query((rs, n) -> new ThemeCheck(Theme.valueOf(rs.getString(1)), rs.getBoolean(2),
                        instant(rs.getTimestamp(3)), rs.getString(4)))
                .list();
    }

    private List<Statement> statements(UUID interviewId) {
        return jdbc.sql("select position, original, text, removed, message_id, changed_at, changed_by"
                        + " from employee_summary_statement where interview_id = ? order by position")
                .param(interviewId)
                .query((rs, n) -> new Statement(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        (Long) rs.getObject(5), instant(rs.getTimestamp(6)), rs.getString(7)))
                .list();
    }

    /** The statements the analysis stored; an older analysis' summary split into its sentences. */
    private List<String> statementsOf(InterviewAnalysis analysis) {
        if (analysis.getStatementsJson() != null) {
            return json.texts(analysis.getStatementsJson());
        }
        var sentences = new ArrayList<String>();
        var breaks = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ROOT);
        String summary = analysis.getSummary();
        breaks.setText(summary);
        for (int start = breaks.first(), end = breaks.next(); end != java.text.BreakIterator.DONE;
                start = end, end = breaks.next()) {
            String sentence = summary.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
