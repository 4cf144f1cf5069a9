package org.exitbot.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.privacy.Erasure;
import org.exitbot.security.TranscriptReads;
import org.exitbot.system.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The demo interviews (EXITBOT_DEMO_DATA): loaded into a database without real interviews, each played through
 * the app's services ({@link DemoPlayer}), and removed all together, app rows, analyses and Camunda's runtime and
 * history alike. A row in {@code demo_data_load} claims the load, so one node loads it however many start.
 */
@Service
public class DemoData {

    /** What became of a load. */
    public enum Outcome { LOADED, REFUSED, ALREADY_LOADED }

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int PLAYERS = 2;
    /** A claim older than this without a finished load was left by a node that died while loading. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(30);

    private final InterviewRepository interviews;
    private final DemoPlayer player;
    private final DemoAnswers answers;
    private final DemoProperties properties;
    private final Removal removal;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** What removing a demo interview takes. */
    @org.springframework.stereotype.Component
    static class Removal {
        private final Erasure erasure;
        private final TranscriptReads transcriptReads;

        Removal(Erasure erasure, TranscriptReads transcriptReads) {
            this.erasure = erasure;
            this.transcriptReads = transcriptReads;
        }

        void remove(UUID interviewId) {
            transcriptReads.forgetDemo(interviewId);
            erasure.discardDemo(interviewId);
        }
    }

    DemoData(InterviewRepository interviews, DemoPlayer player, DemoAnswers answers, DemoProperties properties,
            Removal removal, JdbcTemplate jdbc, Clock clock) {
        this.interviews = interviews;
        this.player = player;
        this.answers = answers;
        this.properties = properties;
        this.removal = removal;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How many demo interviews the database holds. */
    public long count() {
        return interviews.countByDemo(true);
    }

    /** Loads the demo interviews, unless the database holds real ones or demo data is loaded already. */
    public Outcome load() {
        long real = interviews.countByDemo(false);
        if (real > 0) {
            log.warn("Demo data refused (EXITBOT_DEMO_DATA=true): the database already holds {} real interviews; "
                    + "demo data is only loaded into a database without any", real);
            return Outcome.REFUSED;
        }
        if (!claim()) {
            log.info("Demo data is loaded already, or another node is loading it: nothing to do");
            return Outcome.ALREADY_LOADED;
        }
        var cast = DemoCast.of(properties.interviews(), answers.locales(), clock.instant());
        log.info("Loading {} demo interviews in the background (EXITBOT_DEMO_DATA=true); no mail is sent", cast.size());
        try {
            play(cast);
        } finally {
            // finished, or failed part way: either way what was loaded can be removed now
            jdbc.update("update demo_data_load set finished_at = ? where id = 1", Timestamp.from(clock.instant()));
        }
        log.info("Demo data loaded: {} interviews. Remove them with DELETE /api/demo-data or the dashboard's button",
                cast.size());
        return Outcome.LOADED;
    }

    /**
     * Removes every demo interview and what hangs off it, here and in Camunda.
     *
     * @return how many were removed
     * @throws ConflictException while demo data is being loaded
     */
    public int remove() {
        if (loading()) {
            throw new ConflictException("Demo data loading", "Demo data is being loaded; remove it once it is loaded.");
        }
        List<UUID> ids = interviews.findDemoIds();
        ids.forEach(removal::remove);
        jdbc.update("delete from demo_data_load");
        log.info("Demo data removed: {} interviews", ids.size());
        return ids.size();
    }

    private void play(List<DemoCast.Part> cast) {
        ExecutorService pool = Executors.newFixedThreadPool(PLAYERS, runnable -> {
            Thread thread = new Thread(runnable, "demo-data");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var played = new ArrayList<Future<UUID>>();
            cast.forEach(part -> played.add(pool.submit(() -> player.play(part))));
            int step = Math.max(1, cast.size() / 10);
            for (int i = 0; i < played.size(); i++) {
                played.get(i).get();
                if ((i + 1) % step == 0 || i + 1 == played.size()) {
                    log.info("Demo data: {} of {} interviews played", i + 1, played.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Loading demo data was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Loading demo data failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean claim() {
        jdbc.update("delete from demo_data_load where finished_at is null and started_at < ?",
                Timestamp.from(clock.instant().minus(STALE_CLAIM)));
        try {
            jdbc.update("insert into demo_data_load (id, started_at) values (1, ?)", Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException loadedOrLoading) {
            return false;
        }
    }

    private boolean loading() {
        Integer claims = jdbc.queryForObject("select count(*) from demo_data_load where finished_at is null and started_at >= ?",
                Integer.class, Timestamp.from(clock.instant().minus(STALE_CLAIM)));
        return claims != null && claims > 0;
    }
}
