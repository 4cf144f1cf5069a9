package org.exitbot.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a scenario's figures and writes them to {@code target/bench/load-<name>.txt} and {@code .json}: every
 * run, and with more than one run the median of each headline figure.
 */
final class ResultsWriter {

    static final Path FOLDER = Path.of("target", "bench");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).findAndAddModules()
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsWriter() {
    }

    static String write(LoadOptions options, List<RunResult> runs) throws IOException {
        var text = new StringBuilder();
        for (RunResult run : runs) {
            text.append(text(run)).append('\n');
        }
        Map<String, Double> medians = medians(runs);
        if (runs.size() > 1) {
            text.append("Medians of %d runs of \"%s\":%n".formatted(runs.size(), options.name()));
            medians.forEach((figure, value) -> text.append("  %-36s %s%n".formatted(figure, number(value))));
        }
        Files.createDirectories(FOLDER);
        Files.writeString(FOLDER.resolve("load-" + options.name() + ".txt"), text);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", options.name());
        json.put("setup", options.describe());
        json.put("options", options);
        json.put("median", medians);
        json.put("runs", runs);
        JSON.writeValue(FOLDER.resolve("load-" + options.name() + ".json").toFile(), json);
        System.out.println(text);
        return text.toString();
    }

    static Map<String, Double> medians(List<RunResult> runs) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        runs.forEach(run -> run.headline().forEach((figure, value) -> values.computeIfAbsent(figure, f -> new ArrayList<>())
                .add(value)));
        Map<String, Double> medians = new LinkedHashMap<>();
        values.forEach((figure, all) -> {
            List<Double> sorted = all.stream().sorted().toList();
            int n = sorted.size();
            medians.put(figure, n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
        });
        return medians;
    }

    static String text(RunResult r) {
        var t = new StringBuilder();
        t.append("Load benchmark \"%s\", run %d: %s%n".formatted(r.scenario(), r.run(), r.setup()));
        t.append(row("machine", "%d cores, load average %.2f at the start, %.2f on average and %.2f at most during the run"
                .formatted(r.machine().cores(), r.machine().loadAverageAtStart(), r.machine().loadAverageMean(),
                        r.machine().loadAverageMax())));
        t.append(row("wall time", "%.1f s, %d of %d interviews finished%s; background work %s %.1f s later"
                .formatted(r.timing().wallSeconds(), r.timing().finished(), r.timing().interviews(),
                        r.timing().timedOut() ? " (TIMED OUT)" : "", r.timing().drained() ? "drained" : "NOT drained",
                        r.timing().drainSeconds())));
        if (r.kill() != null) {
            t.append(row("kill -9", "%s after %.1f s".formatted(r.kill().node(), r.kill().afterSeconds())));
        }
        t.append(row("overhead (transcript)", r.overheadMs().toString()));
        t.append(row("client-side wait", r.clientWaitMs().toString()));
        t.append(row("first streamed token", r.firstTokenMs().toString()));
        t.append(row("answers per second", "%.2f".formatted(r.answersPerSecond())));
        t.append(row("LLM calls per answer", "%.2f (%d calls: %s; at most %d at once, %d waiting for a slot; %d faults)"
                .formatted(r.llm().callsPerAnswer(), r.llm().calls(), pairs(r.llm().callsPerPrompt()),
                        r.llm().mostInFlight(), r.llm().mostQueuedForSlot(), r.llm().faultsInjected())));
        t.append(row("DB connections at most", "%d in all, %d not idle (%s; %d samples)".formatted(
                r.dbConnections().maxTotal(), r.dbConnections().maxNonIdle(), r.dbConnections().byNode().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().total() + "/" + e.getValue().nonIdle())
                        .collect(Collectors.joining(", ")), r.dbConnections().samples())));
        t.append(row("invitations / interviews", "%d / %d, %d address(es) with more than one (at most %d)".formatted(
                r.invitations().sent(), r.invitations().interviews(), r.invitations().addressesWithDuplicates(),
                r.invitations().mostToOneAddress())));
        t.append(row("invitation delay", r.invitations().delayMs().toString()));
        t.append(row("answers lost / duplicated", "%d / %d (%d sent, %d stored)".formatted(r.answers().lost(),
                r.answers().duplicated(), r.answers().sent(), r.answers().stored())));
        t.append(row("incidents", "%d%s; %d failed job(s), %d job(s) still due".formatted(
                r.incidents().values().stream().mapToInt(Integer::intValue).sum(), r.incidents().isEmpty() ? ""
                        : " (" + pairs(r.incidents()) + ")", r.failedJobs(), r.dueJobsLeft())));
        t.append(row("follow-up events within 1 s", "%.1f %% (%d of %d follow-ups)".formatted(r.followUpEvents().share() * 100,
                r.followUpEvents().inTime(), r.followUpEvents().followUps())));
        t.append(row("prober: dashboard /hr", probes(r.dashboardProbe())));
        t.append(row("prober: GET /api/chat/{token}", probes(r.chatProbe())));
        t.append(row("node CPU per answer", ("%.1f ms while the interviews ran (%d ms in all), %.1f ms in the drain; "
                + "of the first, JIT compilers %.1f ms (%d ms)").formatted(r.nodeCpu().interactiveMsPerAnswer(),
                        r.nodeCpu().interactiveMs(), r.nodeCpu().drainMsPerAnswer(),
                        r.nodeCpu().interactiveJitMsPerAnswer(), r.nodeCpu().interactiveJitMs())));
        t.append(row("client requests", pairs(r.traffic())));
        if (!r.failures().isEmpty()) {
            t.append(row("unfinished interviews", r.failures().size() + ", e.g. " + r.failures().get(0)));
        }
        return t.toString();
    }

    private static String probes(Prober.Probes probes) {
        return "%s; %d over 1 s, %d failed%s".formatted(probes.latency(), probes.overOneSecond(), probes.failed(),
                probes.failures().isEmpty() ? "" : " (" + pairs(probes.failures()) + ")");
    }

    private static String row(String name, String value) {
        return "  %-32s %s%n".formatted(name, value);
    }

    private static String pairs(Map<String, ?> map) {
        return map.isEmpty() ? "none" : map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : "%.3f".formatted(value);
    }
}
