package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void aKeyNamesItsHrSystem() {
        var keys = keys("hris:" + SECRET, "payroll:" + SECRET.toUpperCase(), "");
        assertThat(keys.principalOf(SECRET)).contains("api-key:hris");
        assertThat(keys.principalOf(SECRET.toUpperCase())).contains("api-key:payroll");
        assertThat(keys.principalOf(SECRET + "0")).isEmpty();
        assertThat(keys.principalOf("")).isEmpty();
        assertThat(keys().principalOf(SECRET)).as("no keys configured").isEmpty();
    }

    @Test
    void shortSecretsOddNamesAndDuplicatesStopTheStart() {
        assertThatThrownBy(() -> keys("hris:too-short")).hasMessageContaining("fewer than 32 characters")
                .message().doesNotContain("too-short");
        assertThatThrownBy(() -> keys(SECRET)).hasMessageContaining("no ':'").message().doesNotContain(SECRET);
        assertThatThrownBy(() -> keys("h r i s:" + SECRET)).hasMessageContaining("'h r i s'");
        assertThatThrownBy(() -> keys("hris:" + SECRET, "hris:" + SECRET.toUpperCase())).hasMessageContaining("twice");
    }

    private static ApiKeys keys(String... entries) {
        return new ApiKeys(new IntegrationSettings(List.of(entries), new IntegrationSettings.Jwt("groups", "hr", "sub")));
    }
}
