package org.exitbot.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.exitbot.llm.OllamaStub.Fault;
import org.springframework.boot.convert.DurationStyle;

/**
 * One scenario of the load benchmark, from a preset ({@code -Dbench.scenario=fast|slow|failover}, several with
 * commas) and {@code -Dbench.*} system properties that override it; see the README's "Load benchmark".
 *
 * @param killAfter    when to {@code kill -9} node {@code killNode} (1-based), after the first interview starts;
 *                     null for no kill
 * @param timeout      the longest the interviews may take; unfinished ones are reported as such
 * @param drainTimeout the longest to wait, after the interviews, for the background jobs (analyses, mail)
 * @param rateLimit    requests a minute the nodes allow per link and per address (every client calls from
 *                     127.0.0.1); 0 keeps the app's defaults
 * @param warmUp       interviews run on the fresh nodes before the measured ones (JIT, class loading, caches),
 *                     their figures left out
 */
record LoadOptions(String scenario, String name, int nodes, int interviews, StubConfig stub, Duration killAfter,
        int killNode, Duration timeout, Duration drainTimeout, Duration rampUp, Duration thinkTime,
        Duration requestTimeout, int rateLimit, int runs, int warmUp, String database, Path jar, Map<String, String> nodeEnv,
        List<String> nodeJvmArgs) {

    /** The three scenarios (issue 11), each to be overridden option by option. */
    static final Map<String, Map<String, String>> PRESETS = Map.of(
            "fast", Map.of("interviews", "50", "latency", "0ms", "slots", "0", "timeout", "10m"),
            "slow", Map.of("interviews", "15", "latency", "4s", "slots", "1", "timeout", "30m"),
            "failover", Map.of("nodes", "2", "interviews", "40", "latency", "0ms", "slots", "0", "kill", "8s",
                    "timeout", "15m"));

    static List<LoadOptions> fromSystemProperties() {
        List<LoadOptions> scenarios = new ArrayList<>();
        for (String scenario : System.getProperty("bench.scenario", "fast").split(",")) {
            scenarios.add(of(scenario.strip(), key -> System.getProperty("bench." + key)));
        }
        return scenarios;
    }

    static LoadOptions of(String scenario, Function<String, String> given) {
        Map<String, String> preset = PRESETS.get(scenario);
        if (preset == null && !"custom".equals(scenario)) {
            throw new IllegalArgumentException("Unknown scenario '" + scenario + "': one of " + PRESETS.keySet()
                    + " or custom");
        }
        Function<String, String> value = key -> {
            String set = given.apply(key);
            return set != null && !set.isBlank() ? set.strip() : preset == null ? null : preset.get(key);
        };
        String name = or(value.apply("name"), scenario);
        double faultRate = Double.parseDouble(or(value.apply("faultRate"), "0"));
        var stub = new StubConfig(duration(value, "latency", "0ms"), integer(value, "slots", 0),
                duration(value, "pace", "0ms"), faultRate,
                faultRate == 0 ? List.of() : faults(or(value.apply("faults"), "error,midstream")), duration(value, "hang", "10m"),
                integer(value, "followUps", 1), Long.parseLong(or(value.apply("seed"), "1")));
        String kill = or(value.apply("kill"), "off");
        int nodes = integer(value, "nodes", 1);
        int killNode = integer(value, "killNode", nodes);
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("bench.name: letters, digits, - and _ only, not " + name);
        }
        String database = or(value.apply("database"), (or(System.getenv("EXITBOT_TEST_DATABASE_NAME"), "exitbot")
                + "_load_" + name).toLowerCase(Locale.ROOT).replace('-', '_'));
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bench.database must be a lower-case PostgreSQL name: " + database);
        }
        if (killNode < 1 || killNode > nodes || !"off".equals(kill) && nodes < 2) {
            throw new IllegalArgumentException("a kill needs 2 or more nodes and a killNode among them");
        }
        return new LoadOptions(scenario, name, nodes, integer(value, "interviews", 10), stub,
                "off".equals(kill) ? null : DurationStyle.detectAndParse(kill), killNode,
                duration(value, "timeout", "15m"), duration(value, "drainTimeout", "3m"), duration(value, "rampUp", "0ms"),
                duration(value, "thinkTime", "0ms"), duration(value, "requestTimeout", "60s"),
                integer(value, "rateLimit", 1_000_000), integer(value, "runs", 1), integer(value, "warmUp", 0), database,
                value.apply("jar") == null ? null : Path.of(value.apply("jar")).toAbsolutePath(), env(or(value.apply("env"), "")),
                Arrays.stream(or(value.apply("jvmArgs"), "").split("\\s+")).filter(a -> !a.isBlank()).toList());
    }

    String describe() {
        return "%d interview(s) on %d node(s), %s, %s%s".formatted(interviews, nodes, stub.describe(),
                killAfter == null ? "no kill" : "kill -9 of node %d after %d s".formatted(killNode, killAfter.toSeconds()),
                warmUp == 0 ? "" : ", after %d warm-up interview(s)".formatted(warmUp));
    }

    /** The packaged app: {@code -Dbench.jar}, else the one jar Maven built in {@code target/}. */
    Path appJar() {
        if (jar != null) {
            return jar;
        }
        return AppNode.packagedJar("run the benchmark with ./mvnw -Pbench verify -Dbench=load, or give -Dbench.jar");
    }

    private static List<Fault> faults(String names) {
        return Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty()).map(n -> switch (n.toLowerCase(Locale.ROOT)) {
            case "error" -> Fault.ERROR_STATUS;
            case "midstream" -> Fault.MID_STREAM_ERROR;
            case "hang" -> Fault.HANG;
            default -> throw new IllegalArgumentException("bench.faults: error, midstream or hang, not " + n);
        }).toList();
    }

    private static Map<String, String> env(String pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("bench.env: NAME=value,NAME=value, not " + pair);
                }
                env.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return env;
    }

    private static Duration duration(Function<String, String> value, String key, String fallback) {
        return DurationStyle.detectAndParse(or(value.apply(key), fallback));
    }

    private static int integer(Function<String, String> value, String key, int fallback) {
        String set = value.apply(key);
        return set == null ? fallback : Integer.parseInt(set);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
