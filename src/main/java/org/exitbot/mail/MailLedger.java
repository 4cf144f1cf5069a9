package org.exitbot.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each mail of an interview once. Before the SMTP call the send is recorded in a transaction of its own, and
 * after it its success, so neither depends on the step's own commit: a retry after that commit failed finds the
 * mail sent and sends nothing. A send that was begun and never confirmed was cut off (its node died, or the call
 * outlived the job's lock): the mail server accepts a mail only at the end of the SMTP conversation, so it most
 * likely did not go out, and it is sent again under the same Message-ID, which a mailbox that got both shows once.
 * The ledger holds the interview's id, which mail and when: no address, no text. Sends are counted as
 * {@value #METRIC} by kind and outcome ({@code sent}, {@code resent} after a cut-off send, or {@code failed} when
 * the mail server refused it).
 */
@Component
class MailLedger {

    private static final String SENDING = "sending";
    private static final String SENT = "sent";
    static final String METRIC = "exitbot.mail";

    private final MailTransport transport;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String senderDomain;

    MailLedger(MailTransport transport, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            MeterRegistry meters, MailProperties properties) {
        this.transport = transport;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters;
        String sender = properties.from();
        this.senderDomain = sender != null && sender.contains("@") ? sender.substring(sender.lastIndexOf('@') + 1)
                : "exitbot.invalid";
    }

    /** Sends the mail unless this interview's mail of this kind was sent, or begun, before. */
    MailDelivery sendOnce(UUID interviewId, String kind, OutgoingMail mail) {
        Begun begun = begin(interviewId, kind);
        if (begun == Begun.SENT_BEFORE) {
            return MailDelivery.SENT_BEFORE;
        }
        try {
            transport.send(mail.withMessageId(messageId(interviewId, kind)));
        } catch (RuntimeException failed) {
            count(kind, "failed");
            // the mail server refused it: nothing went out, so the step's retry may send it
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "delete from mail_send where interview_id = ? and kind = ? and state = ?",
                    interviewId, kind, SENDING));
            throw failed;
        }
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "update mail_send set state = ?, sent_at = ? where interview_id = ? and kind = ?",
                SENT, Timestamp.from(clock.instant()), interviewId, kind));
        count(kind, begun == Begun.CUT_OFF_BEFORE ? "resent" : SENT);
        return MailDelivery.SENT;
    }

    /** The same at every send of this mail of this interview, and naming neither. */
    private String messageId(UUID interviewId, String kind) {
        return "<" + UUID.nameUUIDFromBytes((interviewId + "/" + kind).getBytes(StandardCharsets.UTF_8)) + "@"
                + senderDomain + ">";
    }

    private void count(String kind, String outcome) {
        Counter.builder(METRIC).description("Mails handed to the mail server, by kind and outcome")
                .tag("kind", kind).tag("outcome", outcome).register(meters).increment();
    }

    private enum Begun { FIRST, CUT_OFF_BEFORE, SENT_BEFORE }

    private Begun begin(UUID interviewId, String kind) {
        try {
            return ownTransaction.execute(status -> {
                List<String> states = jdbc.queryForList(
                        "select state from mail_send where interview_id = ? and kind = ? for update", String.class,
                        interviewId, kind);
                Timestamp now = Timestamp.from(clock.instant());
                if (states.isEmpty()) {
                    jdbc.update("insert into mail_send (interview_id, kind, state, begun_at) values (?, ?, ?, ?)",
                            interviewId, kind, SENDING, now);
                    return Begun.FIRST;
                }
                if (SENT.equals(states.get(0))) {
                    return Begun.SENT_BEFORE;
                }
                jdbc.update("update mail_send set begun_at = ? where interview_id = ? and kind = ?", now,
                        interviewId, kind);
                return Begun.CUT_OFF_BEFORE;
            });
        } catch (DuplicateKeyException anotherNodeBeganItJustNow) {
            // only a job whose lock ran out runs twice at once: the other run sends it
            return Begun.SENT_BEFORE;
        }
    }
}
