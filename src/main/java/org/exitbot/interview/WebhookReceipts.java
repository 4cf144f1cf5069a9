package org.exitbot.interview;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.exitbot.system.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the offboarding webhook must remember, kept without personal data so that it outlives an erasure: each
 * delivery's id, and each leaver (employee id and last working day) an interview was started for, whichever way,
 * as HMACs under a key derived from the link secret. Runs in the caller's transaction. Every registration records
 * its leaver here ({@link InterviewRegistration}), so that the webhook never starts an erased interview again.
 */
@Component
public class WebhookReceipts {

    /** A delivery older than this is refused by its timestamp already; its id need not be kept longer. */
    private static final Duration KEEP_DELIVERIES = Duration.ofDays(1);

    /** The same delivery id came before. */
    public static class DeliveryRepeated extends ConflictException {
        DeliveryRepeated() {
            super("Delivery repeated", "This delivery was already received; it is taken once.");
        }
    }

    private final JdbcTemplate jdbc;
    private final byte[] key;
    private final Clock clock;

    WebhookReceipts(JdbcTemplate jdbc, LinkSecret secret, Clock clock) {
        this.jdbc = jdbc;
        this.key = hmac(secret.key(), "offboarding-webhook-receipts");
        this.clock = clock;
    }

    /** Records a delivery's id; throws {@link DeliveryRepeated} when it was recorded before. */
    public void claimDelivery(String delivery) {
        Instant now = clock.instant();
        String hash = hash("delivery:" + delivery);
        if (exists(hash)) {
            throw new DeliveryRepeated();
        }
        jdbc.update("delete from webhook_receipt where kind = 'delivery' and received_at < ?",
                Timestamp.from(now.minus(KEEP_DELIVERIES)));
        try {
            jdbc.update("insert into webhook_receipt (receipt_hash, kind, received_at) values (?, 'delivery', ?)",
                    hash, Timestamp.from(now));
        } catch (DuplicateKeyException deliveredTwiceAtOnce) {
            throw new DeliveryRepeated();
        }
    }

    /** Whether an interview was ever started for this leaver, erased or not. */
    public boolean knowsLeaver(String employeeId, LocalDate lastWorkingDay) {
        return exists(leaverHash(employeeId, lastWorkingDay));
    }

    void recordLeaver(String employeeId, LocalDate lastWorkingDay) {
        String hash = leaverHash(employeeId, lastWorkingDay);
        if (!exists(hash)) {
            jdbc.update("insert into webhook_receipt (receipt_hash, kind, received_at) values (?, 'leaver', ?)",
                    hash, Timestamp.from(clock.instant()));
        }
    }

    private boolean exists(String hash) {
        Integer count = jdbc.queryForObject("select count(*) from webhook_receipt where receipt_hash = ?",
                Integer.class, hash);
        return count != null && count > 0;
    }

    private String leaverHash(String employeeId, LocalDate lastWorkingDay) {
        return hash("leaver:" + employeeId.trim() + ":" + lastWorkingDay);
    }

    private String hash(String value) {
        return HexFormat.of().formatHex(hmac(key, value));
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
