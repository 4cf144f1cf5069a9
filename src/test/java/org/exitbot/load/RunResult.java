package org.exitbot.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run of a scenario; see the README's "Load benchmark" for what each one means. */
record RunResult(String scenario, int run, String setup, Machine machine, Timing timing, Stats overheadMs,
        Stats clientWaitMs, Stats firstTokenMs, double answersPerSecond, Llm llm, Connections dbConnections,
        Invitations invitations, Answers answers, Map<String, Integer> incidents, int failedJobs, int dueJobsLeft,
        FollowUpEvents followUpEvents, Prober.Probes dashboardProbe, Prober.Probes chatProbe, Map<String, Long> traffic,
        Kill kill, NodeCpu nodeCpu, List<String> failures) {

    /** @param loadAverage the 1-minute load average at the start, and the highest during the run */
    record Machine(int cores, double loadAverageAtStart, double loadAverageMax, double loadAverageMean) {
    }

    /**
     * @param wallSeconds  from the first interview's start until the last one finished (or the timeout)
     * @param drainSeconds after that, until no job was due any more (analyses, thank-you mails)
     */
    record Timing(double wallSeconds, double drainSeconds, int interviews, int finished, boolean timedOut,
            boolean drained) {
    }

    record Llm(long calls, Map<String, Long> callsPerPrompt, double callsPerAnswer, int mostInFlight,
            int mostQueuedForSlot, long faultsInjected) {
    }

    record Connections(int maxTotal, int maxNonIdle, Map<String, ConnectionSampler.Peak> byNode, int samples) {
    }

    /** @param delayMs from HR's start of the interview until its invitation arrived */
    record Invitations(int interviews, int sent, int addressesWithDuplicates, int mostToOneAddress, Stats delayMs) {
    }

    record Answers(int sent, int stored, int lost, int duplicated) {
    }

    /** @param share of the follow-ups, those whose {@code state} event reached the page within 1 s of their commit */
    record FollowUpEvents(int followUps, int inTime, double share) {
    }

    record Kill(String node, double afterSeconds) {
    }

    /**
     * The CPU time of the node processes (those alive throughout), per answer stored: while the interviews ran, and
     * during the drain after them (the interviews' analyses and thank-you mails); of the first, what the JIT compiler
     * threads took (a node still compiling its hot code is not yet in its steady state).
     */
    record NodeCpu(double interactiveMsPerAnswer, double interactiveJitMsPerAnswer, double drainMsPerAnswer,
            long interactiveMs, long interactiveJitMs, long drainMs) {
    }

    /** The figures that the runs of a scenario are summed up by (their medians). */
    Map<String, Double> headline() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("overhead_p50_ms", (double) overheadMs.p50());
        figures.put("overhead_p95_ms", (double) overheadMs.p95());
        figures.put("overhead_max_ms", (double) overheadMs.max());
        figures.put("client_wait_p50_ms", (double) clientWaitMs.p50());
        figures.put("client_wait_p95_ms", (double) clientWaitMs.p95());
        figures.put("answers_per_second", answersPerSecond);
        figures.put("llm_calls_per_answer", llm.callsPerAnswer());
        figures.put("db_connections_max_total", (double) dbConnections.maxTotal());
        figures.put("db_connections_max_non_idle", (double) dbConnections.maxNonIdle());
        figures.put("invitations_sent", (double) invitations.sent());
        figures.put("invitation_delay_max_ms", (double) invitations.delayMs().max());
        figures.put("answers_lost", (double) answers.lost());
        figures.put("answers_duplicated", (double) answers.duplicated());
        figures.put("incidents", (double) incidents.values().stream().mapToInt(Integer::intValue).sum());
        figures.put("follow_up_events_within_1s_share", followUpEvents.share());
        figures.put("dashboard_probe_max_ms", (double) dashboardProbe.latency().max());
        figures.put("chat_probe_max_ms", (double) chatProbe.latency().max());
        figures.put("wall_time_s", timing.wallSeconds());
        figures.put("node_cpu_ms_per_answer", nodeCpu.interactiveMsPerAnswer());
        figures.put("node_jit_cpu_ms_per_answer", nodeCpu.interactiveJitMsPerAnswer());
        return figures;
    }
}
