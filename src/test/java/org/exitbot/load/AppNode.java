package org.exitbot.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** One app node: the packaged app as a {@code java -jar} process of its own, on a loopback port. */
public final class AppNode implements AutoCloseable {

    /** Linux reports thread CPU times in clock ticks of 1/100 s (USER_HZ) on every architecture it runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final int number;
    private final int port;
    private final Process process;
    private final Path log;
    private volatile Instant killedAt;

    private AppNode(int number, int port, Process process, Path log) {
        this.number = number;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar with exactly {@code env} as its environment, its output going to {@code log}. */
    public static AppNode start(int number, int port, Path jar, List<String> jvmArgs, Map<String, String> env, Path log)
            throws IOException {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new AppNode(number, port, builder.start(), log);
    }

    /** The one jar Maven built in {@code target/}; {@code hint} says how to get one. */
    public static Path packagedJar(String hint) {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("exitbot-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No app jar in target/: " + hint)).toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("No target/ folder: run from the project's folder", e);
        }
    }

    /** What a node inherits of this JVM's environment: the rest is the README's variables, set by the caller. */
    public static Map<String, String> inheritedEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String inherited : List.of("PATH", "HOME", "LANG", "TZ", "TMPDIR")) {
            if (System.getenv(inherited) != null) {
                env.put(inherited, System.getenv(inherited));
            }
        }
        return env;
    }

    /** A loopback port free now, for a node to listen on. */
    public static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int number() {
        return number;
    }

    String name() {
        return "node-" + number;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /actuator/health} says UP. */
    public Duration awaitHealthy(Duration timeout) throws InterruptedException {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " ended with exit code " + process.exitValue() + " during start-up; see "
                        + log);
            }
            try {
                var response = client.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name() + " was not healthy within " + timeout + "; see " + log);
    }

    /**
     * The CPU time the node's process has used so far (user and system), and that of each of its JIT compiler threads;
     * zero and none once it has ended.
     */
    CpuTime cpuTime() {
        return new CpuTime(process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO), jitCompilerTicks());
    }

    /** @param jitCompilerTicks per compiler thread id, its CPU time in clock ticks */
    record CpuTime(Duration process, Map<String, Long> jitCompilerTicks) {

        boolean ended() {
            return process.isZero();
        }

        Duration processSince(CpuTime earlier) {
            return process.minus(earlier.process);
        }

        /**
         * What the compiler threads alive now used since {@code earlier}: the JVM starts and stops compiler threads as
         * its queues grow and shrink, and a thread that ended in between takes its time with it.
         */
        Duration jitCompilersSince(CpuTime earlier) {
            long ticks = 0;
            for (var thread : jitCompilerTicks.entrySet()) {
                ticks += thread.getValue() - earlier.jitCompilerTicks.getOrDefault(thread.getKey(), 0L);
            }
            return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
        }
    }

    /**
     * The CPU time of each of the node's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread0}...)
     * so far, from {@code /proc/<pid>/task/*}; none once the node has ended, or where there is no {@code /proc}.
     */
    private Map<String, Long> jitCompilerTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (var threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                compilerTicks(thread).ifPresent(used -> ticks.put(thread.getFileName().toString(), used));
            }
        } catch (IOException | UncheckedIOException gone) {
            return Map.of();
        }
        return ticks;
    }

    private static OptionalLong compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return OptionalLong.empty();
            }
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException threadEnded) {
            return OptionalLong.empty();
        }
    }

    /** {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL to the java process. */
    public void kill() throws InterruptedException {
        killedAt = Instant.now();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean killed() {
        return killedAt != null;
    }

    Instant killedAt() {
        return killedAt;
    }

    /** Stops the node as a service manager would (SIGTERM), forcibly if it takes longer than 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
