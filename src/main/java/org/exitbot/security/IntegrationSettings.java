package org.exitbot.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How HR systems authenticate on {@code /api/**} without a Camunda user.
 *
 * @param apiKeys      {@code name:secret} pairs; a caller sending a secret in {@code X-API-Key} acts as
 *                     {@code api-key:<name>} with HR's rights, or only those of its scopes
 * @param apiKeyScopes {@code name=scope scope} entries limiting a key to those {@link ApiScope scopes}; a key
 *                     without an entry has all of HR's rights
 * @param jwt          which claims of a bearer token make its holder HR, when a JWT issuer or key is configured
 */
@ConfigurationProperties("exitbot.integrations")
record IntegrationSettings(@DefaultValue List<String> apiKeys, @DefaultValue List<String> apiKeyScopes,
        @DefaultValue Jwt jwt) {

    /**
     * @param groupsClaim the claim listing the holder's groups, roles or scopes (a list, or a space-separated
     *                    string such as {@code scope}); a dotted path reaches into nested claims
     *                    ({@code realm_access.roles})
     * @param hrGroup     the value in that claim that makes the holder HR
     * @param nameClaim   the claim naming the holder, as recorded in the audit log and on started interviews
     * @param scopesClaim the claim whose {@code exitbot.<scope>} values give a holder without the HR group those
     *                    scopes only
     */
    record Jwt(@DefaultValue("groups") String groupsClaim, @DefaultValue("hr") String hrGroup,
            @DefaultValue("sub") String nameClaim, @DefaultValue("scope") String scopesClaim) {
    }
}
