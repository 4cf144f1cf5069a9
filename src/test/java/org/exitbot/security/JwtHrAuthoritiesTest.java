package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtHrAuthoritiesTest {

    @Test
    void aListClaimHoldingTheGroupMakesHr() {
        var converter = converter("groups", "hr", "sub");
        assertThat(authorities(converter, Map.of("groups", List.of("staff", "hr")))).containsExactly("GROUP_hr");
        assertThat(authorities(converter, Map.of("groups", List.of("staff", "hr-assistants")))).isEmpty();
        assertThat(authorities(converter, Map.of())).isEmpty();
    }

    @Test
    void aScopeStringOrANestedClaimWorksToo() {
        assertThat(authorities(converter("scope", "exitbot.hr", "sub"), Map.of("scope", "openid exitbot.hr email")))
                .containsExactly("GROUP_hr");
        assertThat(authorities(converter("realm_access.roles", "hr", "sub"),
                Map.of("realm_access", Map.of("roles", List.of("hr"))))).containsExactly("GROUP_hr");
        assertThat(authorities(converter("https://example.org/groups", "hr", "sub"),
                Map.of("https://example.org/groups", List.of("hr")))).as("a claim whose name has dots")
                .containsExactly("GROUP_hr");
    }

    @Test
    void withoutTheHrGroupTheExitbotScopesOfTheScopesClaimAreAllItGets() {
        var converter = converter("groups", "hr", "sub");
        assertThat(authorities(converter, Map.of("scope", "openid exitbot.interviews.start exitbot.reports.read "
                + "interviews.read exitbot.nonsense"))).containsExactlyInAnyOrder("SCOPE_interviews.start",
                "SCOPE_reports.read");
        assertThat(authorities(converter, Map.of("groups", List.of("hr"), "scope", "exitbot.interviews.start")))
                .as("HR has all rights already").containsExactly("GROUP_hr");
    }

    @Test
    void theNameClaimNamesTheHolderElseTheSubject() {
        assertThat(converter("groups", "hr", "preferred_username")
                .convert(jwt(Map.of("preferred_username", "alice"))).getName()).isEqualTo("alice");
        assertThat(converter("groups", "hr", "preferred_username").convert(jwt(Map.of())).getName())
                .isEqualTo("subject-1");
    }

    private static List<String> authorities(JwtHrAuthorities converter, Map<String, Object> claims) {
        return converter.convert(jwt(claims)).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static JwtHrAuthorities converter(String groupsClaim, String hrGroup, String nameClaim) {
        return new JwtHrAuthorities(new IntegrationSettings(List.of(), List.of(),
                new IntegrationSettings.Jwt(groupsClaim, hrGroup, nameClaim, "scope")));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        var jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }
}
