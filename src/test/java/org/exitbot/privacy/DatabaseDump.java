package org.exitbot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.exitbot.TestDatabase;

/** {@code pg_dump} of the whole test database, schema and data: what a person's erasure must leave nothing in. */
final class DatabaseDump {

    private DatabaseDump() {
    }

    /** The text as pg_dump writes it inside a {@code bytea} value (as Camunda stores long and serialized values). */
    static String asBytes(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String dump() throws IOException, InterruptedException {
        TestDatabase db = TestDatabase.get().orElseThrow();
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        Path out = Files.createTempFile("exitbot-dump", ".sql");
        var process = new ProcessBuilder("pg_dump", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()),
                "-U", db.username(), "--no-owner", "-f", out.toString(), uri.getPath().substring(1))
                .redirectErrorStream(true);
        process.environment().put("PGPASSWORD", db.password());
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as("pg_dump: " + output).isZero();
        try {
            return Files.readString(out);
        } finally {
            Files.delete(out);
        }
    }
}
