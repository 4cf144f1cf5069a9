package org.exitbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark (issue 11): the packaged app as one or more {@code java -jar} nodes on a fresh PostgreSQL
 * database, an Ollama-compatible stub and an SMTP server in this JVM, and clients that hold whole interviews
 * through the public HTTP API as the chat page does. Only in {@code ./mvnw -B -Pbench verify -Dbench=load}
 * ({@code -Dbench.scenario=fast|slow|failover} and the other {@code -Dbench.*} options of the README); it prints
 * its figures and writes them under {@code target/bench/}.
 */
class LoadBenchmark {

    @Test
    void load() throws Exception {
        for (LoadOptions options : LoadOptions.fromSystemProperties()) {
            List<RunResult> runs = new ArrayList<>();
            for (int run = 1; run <= options.runs(); run++) {
                runs.add(new LoadRun(options, run).call());
            }
            ResultsWriter.write(options, runs);
            assertThat(runs).allSatisfy(run -> assertThat(run.answers().sent()).as("answers sent").isPositive());
        }
    }
}
