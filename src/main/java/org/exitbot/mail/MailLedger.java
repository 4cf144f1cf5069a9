package org.exitbot.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Sends each mail of an interview at most once. Before the SMTP call the send is recorded in a transaction of its
 * own, and after it its success, so neither depends on the step's own commit: a retry after that commit failed
 * finds the mail sent and sends nothing. A send that was begun and never confirmed (the node died, or the SMTP
 * call outlived the job's lock) may or may not have gone out; it is not repeated but reported as unconfirmed.
 * The ledger holds the interview's id, which mail and when: no address, no text. Sends are counted as
 * {@value #METRIC} by kind and outcome ({@code sent}, or {@code failed} when the mail server refused it).
 */
@Component
class MailLedger {

    private static final String SENDING = "sending";
    private static final String SENT = "sent";
    private static final String UNCONFIRMED = "unconfirmed";
    static final String METRIC = "exitbot.mail";

    private final MailTransport transport;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final MeterRegistry meters;

    MailLedger(MailTransport transport, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            MeterRegistry meters) {
        this.transport = transport;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends the mail unless this interview's mail of this kind was sent, or begun, before. */
    MailDelivery sendOnce(UUID interviewId, String kind, OutgoingMail mail) {
        MailDelivery before = begin(interviewId, kind);
        if (before != null) {
            return before;
        }
        try {
            transport.send(mail);
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
        count(kind, SENT);
        return MailDelivery.SENT;
    }

    private void count(String kind, String outcome) {
        Counter.builder(METRIC).description("Mails handed to the mail server, by kind and outcome")
                .tag("kind", kind).tag("outcome", outcome).register(meters).increment();
    }

    /** Null when this send may go ahead; otherwise what an earlier one left. */
    private MailDelivery begin(UUID interviewId, String kind) {
        try {
            return ownTransaction.execute(status -> {
                List<String> states = jdbc.queryForList(
                        "select state from mail_send where interview_id = ? and kind = ?", String.class,
                        interviewId, kind);
                if (states.isEmpty()) {
                    jdbc.update("insert into mail_send (interview_id, kind, state, begun_at) values (?, ?, ?, ?)",
                            interviewId, kind, SENDING, Timestamp.from(clock.instant()));
                    return null;
                }
                if (SENT.equals(states.get(0))) {
                    return MailDelivery.SENT_BEFORE;
                }
                jdbc.update("update mail_send set state = ? where interview_id = ? and kind = ?", UNCONFIRMED,
                        interviewId, kind);
                return MailDelivery.UNCONFIRMED;
            });
        } catch (DuplicateKeyException anotherNodeIsSendingIt) {
            return MailDelivery.UNCONFIRMED;
        }
    }
}
