package org.exitbot.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.exitbot.system.NotAuthenticatedException;
import org.exitbot.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks the HMAC-SHA256 that an HR system puts over the raw body of a webhook call, in the header
 * {@value #HEADER} as {@code sha256=<hex>}, with the secret shared through {@code EXITBOT_WEBHOOK_SECRET}.
 */
@Component
public class WebhookSignature {

    public static final String HEADER = "X-ExitBot-Signature";
    private static final String PREFIX = "sha256=";
    static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;

    WebhookSignature(@Value("${exitbot.webhook.secret:}") String secret) {
        if (!secret.isBlank() && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("exitbot.webhook.secret (EXITBOT_WEBHOOK_SECRET) must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.secret = secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Throws a problem unless the webhook is configured and the signature is the body's. */
    public void verify(byte[] body, String header) {
        if (secret == null) {
            throw new NotFoundException("Webhook disabled",
                    "The offboarding webhook is off: set EXITBOT_WEBHOOK_SECRET to turn it on.");
        }
        if (header == null || !header.startsWith(PREFIX)) {
            throw unauthorised("The " + HEADER + " header must be sha256=<hex HMAC-SHA256 of the body>.");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            throw unauthorised("The " + HEADER + " header is not hexadecimal.");
        }
        if (!MessageDigest.isEqual(sign(body), given)) {
            throw unauthorised("The signature does not match the body.");
        }
    }

    /** {@code sha256=<hex>} for a body, as a sender computes it. */
    public String headerFor(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(sign(body));
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotAuthenticatedException unauthorised(String detail) {
        return new NotAuthenticatedException("Bad signature", detail);
    }
}
