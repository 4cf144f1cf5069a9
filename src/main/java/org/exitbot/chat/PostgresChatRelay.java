package org.exitbot.chat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.exitbot.system.DatabaseServer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Chat page events between the nodes on one PostgreSQL, by {@code NOTIFY} on channel {@value #CHANNEL}. Two
 * connections of its own, outside the pool, each reconnecting after a failure: one sends, one {@code LISTEN}s and
 * hands the other nodes' events to this node's pages. A payload is the sending node, the interview id, the event's
 * name and, for a draft, the bot's text so far; a draft too long for a notification only reaches this node's
 * pages, the others see the follow-up once it has committed. Events sent while a connection was down are lost, so
 * after reconnecting every open page is sent its state again.
 */
class PostgresChatRelay implements ChatEventRelay, SmartLifecycle {

    static final String CHANNEL = "exitbot_chat";
    /** PostgreSQL's limit is 8000 bytes. */
    static final int MAX_PAYLOAD_BYTES = 7900;

    private static final Logger log = LoggerFactory.getLogger(PostgresChatRelay.class);
    private static final int OUTBOX_CAPACITY = 10_000;
    private static final int BATCH = 500;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CHECK_AFTER_SILENCE = Duration.ofSeconds(10);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(10);

    private final DatabaseServer database;
    private final ChatEvents pages;
    private final String node = UUID.randomUUID().toString();
    private final BlockingQueue<ChatEvent> outbox = new LinkedBlockingQueue<>(OUTBOX_CAPACITY);
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;
    private Thread sender;

    PostgresChatRelay(DatabaseServer database, ChatEvents pages) {
        this.database = database;
        this.pages = pages;
    }

    @Override
    public void send(ChatEvent event) {
        if (running && !outbox.offer(event)) {
            log.warn("The chat events to other nodes are backed up; their pages poll instead");
        }
    }

    /** Whether this node currently listens, so that the other nodes' events reach its pages. */
    boolean isListening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        listener = daemon("chat-events-listen", () -> reconnecting(this::listen));
        sender = daemon("chat-events-notify", () -> reconnecting(this::sendOutbox));
    }

    @Override
    public void stop() {
        running = false;
        listener.interrupt();
        sender.interrupt();
        try {
            listener.join(POLL.multipliedBy(4).toMillis());
            sender.join(POLL.multipliedBy(4).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Thread daemon(String name, Runnable work) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private interface ConnectionWork {
        void run(Connection connection) throws SQLException, InterruptedException;
    }

    private void reconnecting(ConnectionWork work) {
        Duration backOff = Duration.ofMillis(250);
        boolean failedBefore = false;
        while (running) {
            try (Connection connection = database.connectOutsidePool()) {
                connection.setAutoCommit(true);
                if (failedBefore) {
                    log.info("Chat events to and from other nodes flow again ({})", Thread.currentThread().getName());
                    failedBefore = false;
                    backOff = Duration.ofMillis(250);
                }
                work.run(connection);
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (!failedBefore) {
                    log.warn("Chat events to and from other nodes stopped ({}): {}; reconnecting",
                            Thread.currentThread().getName(), e.getMessage());
                }
                failedBefore = true;
            } catch (InterruptedException stopping) {
                return;
            } finally {
                listening = false;
            }
            try {
                Thread.sleep(backOff.toMillis());
            } catch (InterruptedException stopping) {
                return;
            }
            backOff = backOff.multipliedBy(2).compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : backOff.multipliedBy(2);
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        listening = true;
        pages.refreshAll();
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications((int) POLL.toMillis());
            if (received != null && received.length > 0) {
                for (PGNotification notification : received) {
                    receive(notification.getParameter());
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK_AFTER_SILENCE.toNanos()) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void sendOutbox(Connection connection) throws SQLException, InterruptedException {
        try (var statement = connection.prepareStatement(
                "select pg_notify('" + CHANNEL + "', payload) from unnest(?::text[]) as payload")) {
            while (running) {
                ChatEvent first = outbox.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<ChatEvent> batch = new ArrayList<>();
                batch.add(first);
                outbox.drainTo(batch, BATCH - 1);
                statement.setArray(1, connection.createArrayOf("text", payloads(batch).toArray()));
                statement.executeQuery().close();
            }
        }
    }

    /** The batch's payloads in order, without the drafts that a later event of the same interview supersedes. */
    List<String> payloads(List<ChatEvent> batch) {
        List<String> payloads = new ArrayList<>();
        Set<UUID> later = new HashSet<>();
        for (int i = batch.size() - 1; i >= 0; i--) {
            ChatEvent event = batch.get(i);
            if (!(event.isDraft() && later.contains(event.interviewId()))) {
                String payload = payload(event);
                if (payload.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES) {
                    payloads.add(0, payload);
                }
            }
            later.add(event.interviewId());
        }
        return payloads;
    }

    private String payload(ChatEvent event) {
        return node + "|" + event.interviewId() + "|" + event.name() + (event.isDraft() ? "|" + event.text() : "");
    }

    private void receive(String payload) {
        String[] parts = payload.split("\\|", 4);
        if (parts.length < 3 || node.equals(parts[0])) {
            return;
        }
        try {
            UUID interviewId = UUID.fromString(parts[1]);
            if (ChatEvent.STATE.equals(parts[2])) {
                pages.deliver(ChatEvent.state(interviewId));
            } else if (ChatEvent.DRAFT.equals(parts[2]) && parts.length > 3) {
                pages.deliver(ChatEvent.draft(interviewId, parts[3]));
            }
        } catch (IllegalArgumentException notOurs) {
            log.debug("Ignored a notification on {}: {}", CHANNEL, payload);
        }
    }
}
