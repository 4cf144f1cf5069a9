package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml publishes the app; the mail viewer, which shows every invitation link, and Ollama, which
 * answers anyone, only to this machine. The image runs as a user of its own. (.ci/lint-containers checks both
 * files against the Compose schema and the linters' rules.)
 */
class ContainerFilesTest {

    @Test
    void mailpitAndOllamaArePublishedOnTheLoopbackAddressOnly() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        for (String service : new String[] {"mailpit", "ollama"}) {
            JsonNode ports = compose.at("/services/" + service + "/ports");
            assertThat(ports.isArray()).as(service).isTrue();
            assertThat(ports).as(service).isNotEmpty()
                    .allSatisfy(port -> assertThat(port.asText()).startsWith("127.0.0.1:"));
        }
        for (String service : new String[] {"postgres", "ollama-pull"}) {
            assertThat(compose.at("/services/" + service + "/ports").isMissingNode()).as(service).isTrue();
        }
    }

    @Test
    void theImageRunsAsAUserOtherThanRoot() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        int lastStage = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                lastStage = i;
            }
        }
        List<String> users = lines.subList(lastStage, lines.size()).stream()
                .filter(line -> line.startsWith("USER "))
                .map(line -> line.substring("USER ".length()).trim())
                .toList();
        assertThat(users).as("USER in the image's stage").isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0", "0:0", "root:root");
        assertThat(lines.subList(lastStage, lines.size()))
                .as("the user is created in the image").anyMatch(line -> line.contains("useradd"));
    }
}
