package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docker-compose.yml publishes the app; the mail viewer, which shows every invitation link, only to this machine. */
class DockerComposeTest {

    @Test
    void mailpitsUiIsPublishedOnTheLoopbackAddressOnly() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        JsonNode ports = compose.at("/services/mailpit/ports");
        assertThat(ports.isArray()).isTrue();
        assertThat(ports).isNotEmpty().allSatisfy(port -> assertThat(port.asText()).startsWith("127.0.0.1:"));
        for (String service : new String[] {"postgres", "ollama"}) {
            assertThat(compose.at("/services/" + service + "/ports").isMissingNode()).as(service).isTrue();
        }
    }
}
