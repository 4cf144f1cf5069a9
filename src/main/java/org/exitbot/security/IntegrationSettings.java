package org.exitbot.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How HR systems authenticate on {@code /api/**} without a Camunda user.
 *
 * @param apiKeys {@code name:secret} pairs; a caller sending a secret in {@code X-API-Key} acts as
 *                {@code api-key:<name>} with HR's rights
 * @param jwt     which claims of a bearer token make its holder HR, when a JWT issuer or key is configured
 */
@ConfigurationProperties("exitbot.integrations")
record IntegrationSettings(@DefaultValue List<String> apiKeys, @DefaultValue Jwt jwt) {

    /**
     * @param groupsClaim the claim listing the holder's groups, roles or scopes (a list, or a space-separated
     *                    string such as {@code scope}); a dotted path reaches into nested claims
     *                    ({@code realm_access.roles})
     * @param hrGroup     the value in that claim that makes the holder HR
     * @param nameClaim   the claim naming the holder, as recorded in the audit log and on started interviews
     */
    record Jwt(@DefaultValue("groups") String groupsClaim, @DefaultValue("hr") String hrGroup,
            @DefaultValue("sub") String nameClaim) {
    }
}
