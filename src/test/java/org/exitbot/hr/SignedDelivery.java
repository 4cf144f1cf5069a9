package org.exitbot.hr;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.exitbot.ExitBotIntegrationTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * One offboarding webhook call as the HR system sends it: a delivery id, the time of sending in Unix seconds, and
 * the HMAC-SHA256 of {@code <timestamp>.<delivery>.<body>} under the shared secret.
 */
public record SignedDelivery(String body, String delivery, long timestamp, String signature) {

    public static SignedDelivery of(String body) {
        return of(body, "d-" + UUID.randomUUID(), Instant.now());
    }

    public static SignedDelivery of(String body, String delivery, Instant sentAt) {
        long timestamp = sentAt.getEpochSecond();
        return new SignedDelivery(body, delivery, timestamp, sign(timestamp + "." + delivery + "." + body));
    }

    public SignedDelivery withSignature(String signature) {
        return new SignedDelivery(body, delivery, timestamp, signature);
    }

    public SignedDelivery withDelivery(String otherDelivery) {
        return new SignedDelivery(body, otherDelivery, timestamp, signature);
    }

    public HttpHeaders headers() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-ExitBot-Delivery", delivery);
        headers.set("X-ExitBot-Timestamp", String.valueOf(timestamp));
        if (signature != null) {
            headers.set("X-ExitBot-Signature", signature);
        }
        return headers;
    }

    /** {@code sha256=<hex>} of the exact text, under the test context's webhook secret. */
    public static String sign(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ExitBotIntegrationTest.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
