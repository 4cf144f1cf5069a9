package org.exitbot.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.exitbot.llm.OllamaStub;
import org.exitbot.llm.OllamaStub.Fault;
import org.exitbot.llm.OllamaStub.Faults;
import org.exitbot.llm.OllamaStub.Serving;

/**
 * How the benchmark's Ollama stub behaves.
 *
 * @param latency              wait before each call's first chunk
 * @param slots                calls served at once, the rest queue (0: no limit), as {@code OLLAMA_NUM_PARALLEL}
 * @param pace                 wait before each streamed chunk (a word)
 * @param faultRate            share of calls that fail, each with one of {@code faults}
 * @param hang                 how long a {@link Fault#HANG} holds the connection
 * @param followUpsPerQuestion follow-ups the model wants per question (the app caps them at its own maximum)
 */
record StubConfig(Duration latency, int slots, Duration pace, double faultRate, List<Fault> faults, Duration hang,
        int followUpsPerQuestion, long seed) {

    OllamaStub start() {
        try {
            var stub = new OllamaStub();
            stub.serve(new Serving(latency, slots, pace));
            stub.inject(faultRate == 0 ? Faults.NONE : new Faults(faultRate, faults, hang, seed));
            stub.respondWith(new BenchModel(followUpsPerQuestion)::reply);
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String describe() {
        return "stub %d ms a call, %s, pace %d ms a chunk, %s, %d follow-up(s) a question".formatted(latency.toMillis(),
                slots == 0 ? "unlimited slots" : slots + " slot(s)", pace.toMillis(),
                faultRate == 0 ? "no faults" : "faults %.0f %% (%s)".formatted(faultRate * 100,
                        faults.stream().map(Fault::name).map(String::toLowerCase).collect(Collectors.joining(", "))),
                followUpsPerQuestion);
    }
}
