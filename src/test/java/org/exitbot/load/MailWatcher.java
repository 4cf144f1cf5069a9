package org.exitbot.load;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the nodes send to (GreenMail on 127.0.0.1), watched every {@value #PERIOD_MILLIS} ms: each mail
 * with an interview link is an invitation (reminders would count too, but none is due within a run), noted with
 * the time it arrived.
 */
final class MailWatcher implements AutoCloseable {

    static final int PERIOD_MILLIS = 20;
    private static final Pattern LINK = Pattern.compile("/i/([A-Za-z0-9_-]{43})");

    /** An invitation as the employee receives it. */
    record Invitation(String token, Instant arrivedAt) {
    }

    private final GreenMail smtp;
    private final Thread thread;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<Invitation>> invitationTo = new ConcurrentHashMap<>();
    private final Map<String, Integer> invitations = new ConcurrentHashMap<>();
    private final CompletableFuture<Invitation> anyInvitation = new CompletableFuture<>();
    private volatile boolean running = true;

    MailWatcher() {
        if (org.slf4j.LoggerFactory.getLogger("com.icegreen") instanceof ch.qos.logback.classic.Logger greenMailLog) {
            // it logs every new mailbox
            greenMailLog.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        thread = new Thread(this::watch, "mail-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** The first invitation to {@code address}, once it arrives. */
    CompletableFuture<Invitation> invitation(String address) {
        return invitationTo.computeIfAbsent(address, a -> new CompletableFuture<>());
    }

    /** The first invitation to arrive, to whomever. */
    CompletableFuture<Invitation> firstInvitation() {
        return anyInvitation;
    }

    /** Invitations received by the addresses of one run ({@link InterviewClient#address}), by address. */
    Map<String, Integer> invitationsPerAddress(String runId) {
        var ofRun = new TreeMap<String, Integer>();
        invitations.forEach((address, count) -> {
            if (address.endsWith("@" + runId + InterviewClient.DOMAIN)) {
                ofRun.put(address, count);
            }
        });
        return ofRun;
    }

    private void watch() {
        while (running) {
            try {
                for (MimeMessage mail : smtp.getReceivedMessages()) {
                    String id = mail.getMessageID();
                    if (seen.add(id != null ? id : "identity:" + System.identityHashCode(mail))) {
                        received(mail, Instant.now());
                    }
                }
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MessagingException e) {
                throw new IllegalStateException("Cannot read a received mail", e);
            }
        }
    }

    private void received(MimeMessage mail, Instant arrivedAt) throws MessagingException {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        if (!link.find()) {
            return;
        }
        for (Address recipient : mail.getAllRecipients()) {
            String address = recipient.toString().replaceAll(".*<(.*)>.*", "$1");
            invitations.merge(address, 1, Integer::sum);
            invitation(address).complete(new Invitation(link.group(1), arrivedAt));
            anyInvitation.complete(new Invitation(link.group(1), arrivedAt));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        smtp.stop();
    }
}
