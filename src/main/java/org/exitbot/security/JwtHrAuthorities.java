package org.exitbot.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * A valid bearer token makes its holder HR when its groups claim holds the HR group; otherwise it grants the
 * {@link ApiScope scopes} its scopes claim names as {@code exitbot.<scope>}, or nothing.
 */
@Component
class JwtHrAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    private final IntegrationSettings.Jwt settings;

    JwtHrAuthorities(IntegrationSettings settings) {
        this.settings = settings.jwt();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = values(claim(jwt.getClaims(), settings.groupsClaim()))
                .contains(settings.hrGroup())
                ? List.of(new SimpleGrantedAuthority(SecurityConfiguration.HR_AUTHORITY)) : scopes(jwt);
        String name = jwt.getClaimAsString(settings.nameClaim());
        return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
    }

    private List<GrantedAuthority> scopes(Jwt jwt) {
        return values(claim(jwt.getClaims(), settings.scopesClaim())).stream()
                .filter(value -> value.startsWith(ApiScope.JWT_PREFIX))
                .flatMap(value -> ApiScope.byCode(value.substring(ApiScope.JWT_PREFIX.length())).stream())
                .distinct()
                .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(scope.authority()))
                .toList();
    }

    /** The claim by its name, or else by its dotted path into nested claims. */
    private static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object value = claims;
        for (String part : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        return List.of();
    }
}
