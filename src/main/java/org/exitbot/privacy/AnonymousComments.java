package org.exitbot.privacy;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words of anonymous interviews once they are cut from the interview: each answer a row under a random id of
 * its own, with only its group (the department) and month; and per group and month, how many interviews left
 * them. No row names an interview, a person or another row, so nothing can join them back.
 */
@Component
public class AnonymousComments {

    /**
     * An answer as stored: no id, no interview.
     *
     * @param demo left by a generated demo interview (EXITBOT_DEMO_DATA)
     */
    public record Comment(YearMonth month, String questionId, String text, boolean demo) {
    }

    /** How many anonymous interviews of a group left comments in a month. */
    public record MonthCount(YearMonth month, int interviews) {
    }

    /** What one interview said, to be kept without it. */
    record Answer(String questionId, String text) {
    }

    private final JdbcTemplate jdbc;

    AnonymousComments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param demo the words of a generated demo interview: marked, and removed with the demo data */
    @Transactional
    void keep(String department, YearMonth month, List<Answer> answers, boolean demo) {
        List<Answer> said = answers.stream().filter(a -> a.text() != null && !a.text().isBlank()).toList();
        if (said.isEmpty()) {
            return;
        }
        Date first = Date.valueOf(month.atDay(1));
        for (Answer answer : said) {
            jdbc.update("insert into anonymous_comment (id, department, month_start, question_id, text, demo) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), department, first, answer.questionId(), answer.text(), demo);
        }
        int demoInterviews = demo ? 1 : 0;
        if (jdbc.update("update anonymous_comment_count set interviews = interviews + 1,"
                + " demo_interviews = demo_interviews + ? where department = ? and month_start = ?",
                demoInterviews, department, first) == 0) {
            jdbc.update("insert into anonymous_comment_count (department, month_start, interviews, demo_interviews)"
                    + " values (?, ?, 1, ?)", department, first, demoInterviews);
        }
    }

    /** Removes the demo interviews' comments, and takes them off the counts. */
    @Transactional
    public void forgetDemo() {
        jdbc.update("delete from anonymous_comment where demo = true");
        jdbc.update("update anonymous_comment_count set interviews = interviews - demo_interviews, demo_interviews = 0"
                + " where demo_interviews > 0");
        jdbc.update("delete from anonymous_comment_count where interviews <= 0");
    }

    /** The groups that hold comments. */
    @Transactional(readOnly = true)
    public List<String> groups() {
        return jdbc.queryForList("select distinct department from anonymous_comment_count order by department",
                String.class);
    }

    @Transactional(readOnly = true)
    public List<MonthCount> counts(String department) {
        return jdbc.query("select month_start, interviews from anonymous_comment_count where department = ? order by month_start",
                (rs, n) -> new MonthCount(month(rs.getDate("month_start")), rs.getInt("interviews")), department);
    }

    /** The group's comments of these months, in no particular order. */
    @Transactional(readOnly = true)
    public List<Comment> comments(String department, YearMonth from, YearMonth to) {
        return jdbc.query("select month_start, question_id, text, demo from anonymous_comment where department = ? and month_start between ? and ?",
                (rs, n) -> new Comment(month(rs.getDate("month_start")), rs.getString("question_id"), rs.getString("text"),
                        rs.getBoolean("demo")),
                department, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)));
    }

    private static YearMonth month(Date date) {
        LocalDate day = date.toLocalDate();
        return YearMonth.from(day);
    }
}
