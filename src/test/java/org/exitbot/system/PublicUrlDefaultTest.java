package org.exitbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Without EXITBOT_PUBLIC_URL, the links in mails and the start-up banner point at the port the app listens on. */
class PublicUrlDefaultTest {

    @Test
    void theDefaultPublicUrlFollowsPort() throws IOException {
        assertThat(publicUrl(Map.of())).isEqualTo("http://localhost:8080");
        assertThat(publicUrl(Map.of("PORT", "9090"))).isEqualTo("http://localhost:9090");
        assertThat(publicUrl(Map.of("PORT", "9090", "EXITBOT_PUBLIC_URL", "https://exit.acme.example")))
                .isEqualTo("https://exit.acme.example");
    }

    private static String publicUrl(Map<String, Object> variables) throws IOException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return environment.getProperty("exitbot.public-url");
    }
}
