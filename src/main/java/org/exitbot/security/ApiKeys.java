package org.exitbot.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The API keys of HR systems ({@code EXITBOT_API_KEYS}: {@code name:secret,name:secret}). Only each secret's
 * SHA-256 stays in memory, and a presented key is compared with every one of them in constant time.
 */
@Component
class ApiKeys {

    static final String PRINCIPAL_PREFIX = "api-key:";
    static final int MIN_SECRET_LENGTH = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** digest of the secret by name */
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

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
    }

    /** The principal a presented key authenticates, if it is one of the keys. */
    Optional<String> principalOf(String presented) {
        byte[] given = digest(presented.trim());
        String match = null;
        for (var key : keys.entrySet()) {
            if (MessageDigest.isEqual(key.getValue(), given)) {
                match = key.getKey();
            }
        }
        return Optional.ofNullable(match).map(name -> PRINCIPAL_PREFIX + name);
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
