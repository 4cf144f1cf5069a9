package org.exitbot.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The API keys of HR systems ({@code EXITBOT_API_KEYS}: {@code name:secret,name:secret}), each with HR's rights or
 * only the scopes {@code EXITBOT_API_KEY_SCOPES} gives it ({@code name=scope scope,...}). Only each secret's
 * SHA-256 stays in memory, and a presented key is compared with every one of them in constant time.
 */
@Component
class ApiKeys {

    static final String PRINCIPAL_PREFIX = "api-key:";
    static final int MIN_SECRET_LENGTH = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * @param principal as the audit log and a started interview's {@code createdBy} show it
     * @param scopes    what the key may do; empty: all of HR's rights
     */
    record Key(String principal, Set<ApiScope> scopes) {
    }

    /** digest of the secret by name */
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final Map<String, Set<ApiScope>> scopes = new LinkedHashMap<>();

    ApiKeys(IntegrationSettings settings) {
        for (String entry : settings.apiKeys()) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw invalid("an entry has no ':' between name and secret");
            }
            String name = entry.substring(0, colon).trim();
            String secret = entry.substring(colon + 1).trim();
            if (!NAME.matcher(name).matches()) {
                throw invalid("the name '" + name + "' is not 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw invalid("the secret of '" + name + "' has fewer than " + MIN_SECRET_LENGTH + " characters");
            }
            if (keys.put(name, digest(secret)) != null) {
                throw invalid("'" + name + "' comes twice");
            }
        }
        for (String entry : settings.apiKeyScopes()) {
            if (!entry.isBlank()) {
                scope(entry);
            }
        }
    }

    private void scope(String entry) {
        int equals = entry.indexOf('=');
        String name = equals < 0 ? entry.trim() : entry.substring(0, equals).trim();
        if (equals < 0 || !keys.containsKey(name)) {
            throw invalidScopes("'" + entry.trim() + "' does not start with the name of a key and '='");
        }
        var granted = EnumSet.noneOf(ApiScope.class);
        for (String code : entry.substring(equals + 1).trim().split("[\\s+]+")) {
            if (!code.isEmpty()) {
                granted.add(ApiScope.byCode(code).orElseThrow(() -> invalidScopes("'" + code
                        + "' is not a scope; the scopes are " + ApiScope.codes())));
            }
        }
        if (granted.isEmpty() || scopes.put(name, Set.copyOf(granted)) != null) {
            throw invalidScopes("'" + name + "' needs one entry with at least one scope");
        }
    }

    /** The key a presented secret is, if it is one of them. */
    Optional<Key> keyOf(String presented) {
        byte[] given = digest(presented.trim());
        String match = null;
        for (var key : keys.entrySet()) {
            if (MessageDigest.isEqual(key.getValue(), given)) {
                match = key.getKey();
            }
        }
        return Optional.ofNullable(match)
                .map(name -> new Key(PRINCIPAL_PREFIX + name, scopes.getOrDefault(name, Set.of())));
    }

    /** The principal a presented key authenticates, if it is one of the keys. */
    Optional<String> principalOf(String presented) {
        return keyOf(presented).map(Key::principal);
    }

    private static IllegalStateException invalidScopes(String problem) {
        return new IllegalStateException("exitbot.integrations.api-key-scopes (EXITBOT_API_KEY_SCOPES) must be "
                + "name=scope entries, comma-separated, scopes separated by spaces: " + problem);
    }

    /** Never quotes a secret: the message lands in the start-up log. */
    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException("exitbot.integrations.api-keys (EXITBOT_API_KEYS) must be name:secret pairs, "
                + "comma-separated: " + problem);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
