package org.exitbot.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.exitbot.security.TranscriptRead.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The audit log of transcript reads ({@code transcript_access}). */
@Repository
public class TranscriptReads {

    private static final RowMapper<TranscriptRead> ROW = (rs, row) -> new TranscriptRead(
            rs.getObject("interview_id", UUID.class), rs.getString("reader"),
            Channel.fromCode(rs.getString("channel")), rs.getTimestamp("read_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TranscriptReads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(UUID interviewId, String reader, Channel channel) {
        jdbc.update("insert into transcript_access (interview_id, reader, channel, read_at) values (?, ?, ?, ?)",
                interviewId, reader, channel.code(), Timestamp.from(clock.instant()));
    }

    /** Forgets who read a demo interview (EXITBOT_DEMO_DATA) as it is removed: nobody's words were read. */
    @Transactional
    public void forgetDemo(UUID interviewId) {
        jdbc.update("delete from transcript_access where interview_id = ?"
                + " and exists (select 1 from interview where id = ? and demo = true)", interviewId, interviewId);
    }

    /** Newest first; of one interview, or of all when {@code interviewId} is null. */
    @Transactional(readOnly = true)
    public List<TranscriptRead> list(UUID interviewId, int limit) {
        String select = "select interview_id, reader, channel, read_at from transcript_access";
        String order = " order by read_at desc, id desc limit ?";
        return interviewId == null
                ? jdbc.query(select + order, ROW, limit)
                : jdbc.query(select + " where interview_id = ?" + order, ROW, interviewId, limit);
    }
}
