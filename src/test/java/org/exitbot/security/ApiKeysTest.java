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

    @Test
    void aKeyWithScopesHasOnlyThoseAndOneWithoutHasHrsRights() {
        var keys = new ApiKeys(settings(List.of("hris:" + SECRET, "payroll:" + SECRET.toUpperCase()),
                List.of("hris=interviews.start  reports.read")));
        assertThat(keys.keyOf(SECRET).orElseThrow().scopes())
                .containsExactlyInAnyOrder(ApiScope.INTERVIEWS_START, ApiScope.REPORTS_READ);
        assertThat(keys.keyOf(SECRET.toUpperCase()).orElseThrow().scopes()).as("all of HR's rights").isEmpty();
    }

    @Test
    void scopesOfAnUnknownKeyOrAnUnknownScopeStopTheStart() {
        assertThatThrownBy(() -> new ApiKeys(settings(List.of("hris:" + SECRET), List.of("hrs=interviews.start"))))
                .hasMessageContaining("EXITBOT_API_KEY_SCOPES").hasMessageContaining("hrs=interviews.start");
        assertThatThrownBy(() -> new ApiKeys(settings(List.of("hris:" + SECRET), List.of("hris=interviews.write"))))
                .hasMessageContaining("'interviews.write' is not a scope").hasMessageContaining("interviews.start");
        assertThatThrownBy(() -> new ApiKeys(settings(List.of("hris:" + SECRET), List.of("hris="))))
                .hasMessageContaining("at least one scope");
    }

    private static ApiKeys keys(String... entries) {
        return new ApiKeys(settings(List.of(entries), List.of()));
    }

    private static IntegrationSettings settings(List<String> keys, List<String> scopes) {
        return new IntegrationSettings(keys, scopes, new IntegrationSettings.Jwt("groups", "hr", "sub", "scope"));
    }
}
