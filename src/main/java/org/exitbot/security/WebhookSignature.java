package org.exitbot.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.exitbot.system.NotAuthenticatedException;
import org.exitbot.system.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks the HMAC-SHA256 an HR system puts over a webhook delivery, in {@value #HEADER} as {@code sha256=<hex>},
 * under the secret shared through {@code EXITBOT_WEBHOOK_SECRET}. It covers {@code <timestamp>.<delivery>.<body>}:
 * the time of sending in Unix seconds ({@value #TIMESTAMP_HEADER}, at most five minutes off), the delivery's id
 * ({@value #DELIVERY_HEADER}, accepted once) and the raw body. A captured delivery can thus neither be sent again
 * later nor under another id.
 */
@Component
public class WebhookSignature {

    public static final String HEADER = "X-ExitBot-Signature";
    public static final String TIMESTAMP_HEADER = "X-ExitBot-Timestamp";
    public static final String DELIVERY_HEADER = "X-ExitBot-Delivery";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "sha256=";
    private static final Pattern DELIVERY = Pattern.compile("[A-Za-z0-9_:-]{1,128}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");
    static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;
    private final Clock clock;

    WebhookSignature(@Value("${exitbot.webhook.secret:}") String secret, Clock clock) {
        if (!secret.isBlank() && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("exitbot.webhook.secret (EXITBOT_WEBHOOK_SECRET) must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.secret = secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Throws a problem unless the webhook is on, the delivery is in time and the signature is the delivery's. */
    public void verify(byte[] body, String signature, String timestamp, String delivery) {
        if (secret == null) {
            throw new NotFoundException("Webhook disabled",
                    "The offboarding webhook is off: set EXITBOT_WEBHOOK_SECRET to turn it on.");
        }
        if (delivery == null || !DELIVERY.matcher(delivery).matches()) {
            throw unauthorised("The " + DELIVERY_HEADER + " header must hold the delivery's id: 1 to 128 letters, "
                    + "digits, '_', ':' or '-'.");
        }
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            throw unauthorised("The " + TIMESTAMP_HEADER + " header must hold the time of sending in Unix seconds.");
        }
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            throw unauthorised("The delivery's timestamp is more than 5 minutes off the app's clock.");
        }
        if (signature == null || !signature.startsWith(PREFIX)) {
            throw unauthorised("The " + HEADER
                    + " header must be sha256=<hex HMAC-SHA256 of timestamp.delivery.body>.");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            throw unauthorised("The " + HEADER + " header is not hexadecimal.");
        }
        if (!MessageDigest.isEqual(sign(timestamp, delivery, body), given)) {
            throw unauthorised("The signature does not match the delivery (" + TIMESTAMP_HEADER + "."
                    + DELIVERY_HEADER + ".body).");
        }
    }

    /** {@code sha256=<hex>} for a delivery, as a sender computes it. */
    public String headerFor(String timestamp, String delivery, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(sign(timestamp, delivery, body));
    }

    private byte[] sign(String timestamp, String delivery, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "." + delivery + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotAuthenticatedException unauthorised(String detail) {
        return new NotAuthenticatedException("Bad signature", detail);
    }
}
