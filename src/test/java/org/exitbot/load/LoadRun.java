package org.exitbot.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.exitbot.llm.OllamaStub;
import org.exitbot.load.InterviewClient.Result;
import org.exitbot.load.InterviewClient.Turn;
import org.exitbot.load.PageState.PageMessage;

/**
 * One run of a scenario: a fresh database, the SMTP server and the Ollama stub in this JVM, the nodes, then every
 * interview at once (spread over the ramp-up), the prober and the connection sampler throughout, the kill if
 * asked for, and the background work drained before the figures are taken.
 */
final class LoadRun {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private final LoadOptions options;
    private final int run;

    LoadRun(LoadOptions options, int run) {
        this.options = options;
        this.run = run;
    }

    RunResult call() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "bench", "load", options.name(), "run-" + run));
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("%nLoad benchmark \"%s\", run %d of %d: %s%n  database %s, node logs in %s%n", options.name(), run,
                options.runs(), options.describe(), options.database(), folder);
        BenchDatabase database = BenchDatabase.createFresh(options.database());
        var launcher = new NodeLauncher();
        try (var mail = new MailWatcher(); OllamaStub stub = options.stub().start()) {
            List<AppNode> nodes = launcher.launch(options, database, mail.port(), stub.baseUrl(), folder);
            try {
                return drive(nodes, database, mail, stub, launcher.hrPassword(), loadAtStart);
            } finally {
                for (AppNode node : nodes) {
                    node.close();
                }
            }
        }
    }

    private RunResult drive(List<AppNode> nodes, BenchDatabase database, MailWatcher mail, OllamaStub stub,
            String hrPassword, double loadAtStart) throws Exception {
        var router = new Router(nodes);
        var traffic = new Traffic();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> questionIds = questionIds(http, nodes.get(0), hrPassword);
        AnswerBook answers = AnswerBook.load();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        ExecutorService clients = Executors.newFixedThreadPool(Math.max(options.interviews(), options.warmUp()));
        if (options.warmUp() > 0) {
            warmUp(http, router, questionIds, answers, hrPassword, timers, clients, database, mail);
            stub.resetCounts();
        }
        String runId = "r" + Long.toString(System.currentTimeMillis(), 36);
        var probeToken = new AtomicReference<String>();
        RunResult.Kill kill = null;
        try (var sampler = new ConnectionSampler(database);
                var prober = new Prober(nodes, hrPassword, probeToken::get)) {
            List<AppNode.CpuTime> cpuAtStart = cpuTimes(nodes);
            Instant start = Instant.now();
            Instant deadline = start.plus(options.timeout());
            List<Future<Result>> running = new ArrayList<>();
            for (int i = 0; i < options.interviews(); i++) {
                var client = new InterviewClient(i, runId, options, http, router, traffic, timers, mail,
                        answers.employee(questionIds, i), hrPassword, deadline);
                long delay = options.rampUp().toMillis() * i / Math.max(1, options.interviews());
                running.add(clients.submit(() -> {
                    Thread.sleep(delay);
                    return client.run();
                }));
            }
            timers.scheduleAtFixedRate(() -> System.out.printf("  after %3d s: %s%n",
                    Duration.between(start, Instant.now()).toSeconds(), traffic.progress()), 30, 30, TimeUnit.SECONDS);
            mail.invitation(InterviewClient.address(0, runId)).thenAccept(invitation -> probeToken.set(invitation.token()));
            if (options.killAfter() != null) {
                AppNode victim = nodes.get(options.killNode() - 1);
                timers.schedule(() -> {
                    victim.kill();
                    System.out.printf("  kill -9 of %s (pid %d) after %d s%n", victim.name(), victim.pid(),
                            Duration.between(start, Instant.now()).toSeconds());
                    return null;
                }, options.killAfter().toMillis(), TimeUnit.MILLISECONDS);
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> client : running) {
                results.add(client.get());
            }
            Instant interactiveEnd = Instant.now();
            List<AppNode.CpuTime> cpuAtInteractiveEnd = cpuTimes(nodes);
            Instant drainDeadline = interactiveEnd.plus(options.drainTimeout());
            boolean drained;
            while (!(drained = database.dueJobs() == 0) && Instant.now().isBefore(drainDeadline)) {
                Thread.sleep(500);
            }
            Instant drainEnd = Instant.now();
            List<AppNode.CpuTime> cpuAtDrainEnd = cpuTimes(nodes);
            AppNode victim = options.killAfter() == null ? null : nodes.get(options.killNode() - 1);
            if (victim != null && victim.killed()) {
                kill = new RunResult.Kill(victim.name(), Duration.between(start, victim.killedAt()).toMillis() / 1000.0);
            }
            sampler.close();
            prober.close();
            return figures(results, start, interactiveEnd, drainEnd, drained, database, mail.invitationsPerAddress(runId),
                    stub, sampler, prober, traffic, kill, loadAtStart, List.of(cpuAtStart, cpuAtInteractiveEnd, cpuAtDrainEnd));
        } finally {
            clients.shutdownNow();
            timers.shutdownNow();
        }
    }

    /**
     * Interviews like the measured ones, on the same nodes, until they and their background work are done: a fresh
     * node loads classes and compiles for its first few hundred answers, which a node in service has done long
     * before. Their figures are dropped, but an incident they raise stays in the database and is reported.
     */
    private void warmUp(HttpClient http, Router router, List<String> questionIds, AnswerBook answers, String hrPassword,
            ScheduledExecutorService timers, ExecutorService clients, BenchDatabase database, MailWatcher mail)
            throws Exception {
        String warmUpId = "w" + Long.toString(System.currentTimeMillis(), 36);
        Instant start = Instant.now();
        Instant deadline = start.plus(options.timeout());
        List<Future<Result>> running = new ArrayList<>();
        for (int i = 0; i < options.warmUp(); i++) {
            var client = new InterviewClient(i, warmUpId, options, http, router, new Traffic(), timers, mail,
                    answers.employee(questionIds, i), hrPassword, deadline);
            running.add(clients.submit(client::run));
        }
        int finished = 0;
        for (Future<Result> client : running) {
            finished += client.get().completed() ? 1 : 0;
        }
        Instant drainDeadline = Instant.now().plus(options.drainTimeout());
        while (database.dueJobs() > 0 && Instant.now().isBefore(drainDeadline)) {
            Thread.sleep(500);
        }
        System.out.printf("  warm-up: %d of %d interview(s) finished in %d s, background work %s%n", finished,
                options.warmUp(), Duration.between(start, Instant.now()).toSeconds(),
                database.dueJobs() == 0 ? "drained" : "not drained");
    }

    private RunResult figures(List<Result> results, Instant start, Instant interactiveEnd, Instant drainEnd,
            boolean drained, BenchDatabase database, Map<String, Integer> perAddress, OllamaStub stub, ConnectionSampler sampler,
            Prober prober, Traffic traffic, RunResult.Kill kill, double loadAtStart, List<List<AppNode.CpuTime>> cpu) {
        List<Long> overhead = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        List<Long> firstTokens = new ArrayList<>();
        List<Long> invitationDelays = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int sent = 0, stored = 0, lost = 0, duplicated = 0, followUps = 0, inTime = 0;
        Instant firstPost = null, lastSeen = null;
        for (Result result : results) {
            TranscriptFigures transcript = TranscriptFigures.of(result.transcript(), result.sentAnswers());
            overhead.addAll(transcript.overheadMillis());
            sent += transcript.sent();
            stored += transcript.stored();
            lost += transcript.lost();
            duplicated += transcript.duplicated();
            for (Turn turn : result.turns()) {
                waits.add(Duration.between(turn.posted(), turn.nextSeen()).toMillis());
                if ("follow_up".equals(turn.nextKind()) && turn.firstDraft() != null) {
                    firstTokens.add(Duration.between(turn.posted(), turn.firstDraft()).toMillis());
                }
                firstPost = firstPost == null || turn.posted().isBefore(firstPost) ? turn.posted() : firstPost;
                lastSeen = lastSeen == null || turn.nextSeen().isAfter(lastSeen) ? turn.nextSeen() : lastSeen;
            }
            for (PageMessage message : result.transcript()) {
                if (message.isFollowUp()) {
                    followUps++;
                    inTime += EventDelivery.inTime(message.at(), result.stateEvents(),
                            result.followUpsSeen().get(message.id()), WITHIN) ? 1 : 0;
                }
            }
            if (result.invited() != null) {
                invitationDelays.add(Duration.between(result.started(), result.invited()).toMillis());
            }
            if (result.failure() != null) {
                failures.add(result.address() + ": " + result.failure());
            }
        }
        int finished = (int) results.stream().filter(Result::completed).count();
        Instant lastFinish = results.stream().map(Result::finished).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(interactiveEnd);
        boolean timedOut = finished < results.size();
        Instant end = timedOut ? interactiveEnd : lastFinish;
        double answersPerSecond = firstPost == null || !lastSeen.isAfter(firstPost) ? 0
                : sent / (Duration.between(firstPost, lastSeen).toMillis() / 1000.0);

        Map<String, Long> calls = stub.callsPerPrompt();
        long totalCalls = calls.values().stream().mapToLong(Long::longValue).sum();
        List<Double> loads = prober.loadAverages();
        return new RunResult(options.name(), run, options.describe(),
                new RunResult.Machine(Runtime.getRuntime().availableProcessors(), round(loadAtStart),
                        round(loads.stream().mapToDouble(Double::doubleValue).max().orElse(loadAtStart)),
                        round(loads.stream().mapToDouble(Double::doubleValue).average().orElse(loadAtStart))),
                new RunResult.Timing(seconds(start, end), seconds(interactiveEnd, drainEnd), results.size(), finished,
                        timedOut, drained),
                Stats.of(overhead), Stats.of(waits), Stats.of(firstTokens), round(answersPerSecond),
                new RunResult.Llm(totalCalls, calls, stored == 0 ? 0 : round((double) totalCalls / stored),
                        stub.mostInFlight(), stub.mostQueuedForSlot(), stub.faultsInjected()),
                new RunResult.Connections(sampler.peak().total(), sampler.peak().nonIdle(), sampler.peakByNode(),
                        sampler.samples()),
                new RunResult.Invitations(results.size(), perAddress.values().stream().mapToInt(Integer::intValue).sum(),
                        (int) perAddress.values().stream().filter(n -> n > 1).count(),
                        perAddress.values().stream().mapToInt(Integer::intValue).max().orElse(0), Stats.of(invitationDelays)),
                new RunResult.Answers(sent, stored, lost, duplicated), database.incidents(), database.failedJobs(),
                database.dueJobs(),
                new RunResult.FollowUpEvents(followUps, inTime, followUps == 0 ? 0 : round((double) inTime / followUps)),
                prober.probes("dashboard"), prober.probes("chat"), traffic.counts(), kill,
                nodeCpu(cpu.get(0), cpu.get(1), cpu.get(2), stored), failures);
    }

    private static List<AppNode.CpuTime> cpuTimes(List<AppNode> nodes) {
        return nodes.stream().map(AppNode::cpuTime).toList();
    }

    /** Only nodes alive at both ends of a span count for it: a killed node's CPU time is gone with it. */
    private static RunResult.NodeCpu nodeCpu(List<AppNode.CpuTime> atStart, List<AppNode.CpuTime> atInteractiveEnd,
            List<AppNode.CpuTime> atDrainEnd, int answers) {
        long interactive = 0, interactiveJit = 0, drain = 0;
        for (int i = 0; i < atStart.size(); i++) {
            if (!atStart.get(i).ended() && !atInteractiveEnd.get(i).ended()) {
                interactive += atInteractiveEnd.get(i).processSince(atStart.get(i)).toMillis();
                interactiveJit += atInteractiveEnd.get(i).jitCompilersSince(atStart.get(i)).toMillis();
            }
            if (!atInteractiveEnd.get(i).ended() && !atDrainEnd.get(i).ended()) {
                drain += atDrainEnd.get(i).processSince(atInteractiveEnd.get(i)).toMillis();
            }
        }
        return new RunResult.NodeCpu(perAnswer(interactive, answers), perAnswer(interactiveJit, answers),
                perAnswer(drain, answers), interactive, interactiveJit, drain);
    }

    private static double perAnswer(long ms, int answers) {
        return answers == 0 ? 0 : round((double) ms / answers);
    }

    private static List<String> questionIds(HttpClient http, AppNode node, String hrPassword) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.uri("/api/question-sets/default?locale=en"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (NodeLauncher.HR_USER + ":" + hrPassword).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/question-sets/default answered " + response.statusCode());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode question : ChatPage.JSON.readTree(response.body()).path("questions")) {
            ids.add(question.path("id").asText());
        }
        return ids;
    }

    private static double seconds(Instant from, Instant to) {
        return round(Duration.between(from, to).toMillis() / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
