package org.exitbot.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.privacy.AnonymousComments;
import org.exitbot.privacy.Erasure;
import org.exitbot.privacy.GroupThreshold;
import org.exitbot.security.TranscriptReads;
import org.exitbot.system.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The demo interviews (EXITBOT_DEMO_DATA): loaded into a database without real interviews, each played through
 * the app's services ({@link DemoPlayer}), and removed all together, app rows, analyses and Camunda's runtime and
 * history alike. {@link DemoLoadRecord} claims the load, so one node loads it however many start.
 */
@Service
public class DemoData {

    /** What became of a load. */
    public enum Outcome { LOADED, REFUSED, ALREADY_LOADED }

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int PLAYERS = 2;

    private final InterviewRepository interviews;
    private final DemoPlayer player;
    private final Casting casting;
    private final Removal removal;
    private final DemoLoadRecord record;
    private final Clock clock;

    /** The cast of a load: as many interviews as configured, at least k + 1 per cell, in every language. */
    @org.springframework.stereotype.Component
    static class Casting {
        private final DemoAnswers answers;
        private final DemoProperties properties;
        private final GroupThreshold threshold;
        private final Clock clock;

        Casting(DemoAnswers answers, DemoProperties properties, GroupThreshold threshold, Clock clock) {
            this.answers = answers;
            this.properties = properties;
            this.threshold = threshold;
            this.clock = clock;
        }

        List<DemoCast.Part> cast() {
            return DemoCast.of(properties.interviews(), answers.locales(), threshold.minGroupSize(), clock.instant());
        }
    }

    /** What removing a demo interview takes: its rows and runtime, then (committed) its history. */
    @org.springframework.stereotype.Component
    static class Removal {
        private final Erasure erasure;
        private final TranscriptReads transcriptReads;
        private final AnonymousComments anonymousComments;

        Removal(Erasure erasure, TranscriptReads transcriptReads, AnonymousComments anonymousComments) {
            this.erasure = erasure;
            this.transcriptReads = transcriptReads;
            this.anonymousComments = anonymousComments;
        }

        void remove(UUID interviewId) {
            transcriptReads.forgetDemo(interviewId);
            String processInstanceId = erasure.discardDemo(interviewId);
            erasure.forgetDemoHistory(interviewId, processInstanceId);
        }

        void removeComments() {
            anonymousComments.forgetDemo();
        }
    }

    /** How far the demo data is: loaded interviews, and while loading, how many of how many are played. */
    public record Status(long interviews, boolean loading, int played, int total) {
    }

    DemoData(InterviewRepository interviews, DemoPlayer player, Casting casting, Removal removal,
            DemoLoadRecord record, Clock clock) {
        this.interviews = interviews;
        this.player = player;
        this.casting = casting;
        this.removal = removal;
        this.record = record;
        this.clock = clock;
    }

    /** How many demo interviews the database holds. */
    public long count() {
        return interviews.countByDemo(true);
    }

    public Status status() {
        return record.progress().map(p -> new Status(count(), true, p.played(), p.total()))
                .orElseGet(() -> new Status(count(), false, 0, 0));
    }

    /** Loads the demo interviews, unless the database holds real ones or demo data is loaded already. */
    public Outcome load() {
        long real = interviews.countByDemo(false);
        if (real > 0) {
            log.warn("Demo data refused (EXITBOT_DEMO_DATA=true): the database already holds {} real interviews, and "
                    + "demo data is only loaded into a database without any, so no figure ever mixes the two. "
                    + "Use an empty database for the demo, or set EXITBOT_DEMO_DATA=false", real);
            return Outcome.REFUSED;
        }
        var cast = casting.cast();
        if (!record.claim(cast.size())) {
            log.info("Demo data is loaded already, or another node is loading it: nothing to do");
            return Outcome.ALREADY_LOADED;
        }
        log.info("Loading {} demo interviews in the background (EXITBOT_DEMO_DATA=true); no mail is sent", cast.size());
        Instant started = clock.instant();
        try {
            play(cast);
        } finally {
            // finished, or failed part way: either way what was loaded can be removed now
            record.finish();
        }
        log.info("Demo data loaded: {} interviews in {} s. Remove them with DELETE /api/demo-data or the button on "
                + "every HR page", cast.size(), Duration.between(started, clock.instant()).toSeconds());
        return Outcome.LOADED;
    }

    /**
     * Removes every demo interview and what hangs off it, here and in Camunda.
     *
     * @return how many were removed
     * @throws ConflictException while demo data is being loaded
     */
    public int remove() {
        if (record.loading()) {
            throw new ConflictException("Demo data loading", "Demo data is being loaded; remove it once it is loaded.");
        }
        List<UUID> ids = interviews.findDemoIds();
        ids.forEach(removal::remove);
        removal.removeComments();
        record.clear();
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
                record.played(i + 1);
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
}
