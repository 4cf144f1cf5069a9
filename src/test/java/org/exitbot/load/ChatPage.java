package org.exitbot.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The chat page's script ({@code static/chat/chat.js}) without the browser: it loads the state, keeps the
 * event stream open ({@code ready}, {@code state} and {@code draft} events; reconnecting 3 s after it breaks, as
 * EventSource does, or as the stream's {@code retry:} says), shows the state a {@code ready} or {@code state}
 * event carries (loading it when the event carries none), and while the bot works polls every
 * 10 s with the stream open or every 2 s without it. Requests go to the client's node; when that node cannot be
 * reached, to the next one, as behind a load balancer.
 */
final class ChatPage implements AutoCloseable {

    /** A browser's wait before it opens a broken stream again, until the stream's {@code retry:} says otherwise. */
    static final Duration RECONNECT = Duration.ofSeconds(3);
    static final Duration POLL_STREAMING = Duration.ofSeconds(10);
    static final Duration POLL_WITHOUT_STREAM = Duration.ofSeconds(2);
    /** An employee who has seen nothing happen for this long reloads the page. */
    static final Duration RELOAD_AFTER = Duration.ofSeconds(30);
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** How the page came to show a state. */
    enum Source { LOAD, EVENT, POLL, ACTION }

    /** A state the page showed, and when. */
    record Shown(PageState state, Instant at) {
    }

    /** Told of every state the page shows; {@code eventAt} is when the event that led to it arrived. */
    interface Listener {
        void shown(PageState state, Source source, Instant eventAt);
    }

    /** The answer to one of the page's requests. */
    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        PageState state() {
            try {
                return JSON.readValue(body, PageState.class);
            } catch (IOException e) {
                throw new IllegalStateException("Not a chat state: " + body, e);
            }
        }
    }

    private final HttpClient http;
    private final Router router;
    private final Traffic traffic;
    private final ScheduledExecutorService timers;
    private final String api;
    private final Duration requestTimeout;
    private final Listener listener;
    private final List<Instant> stateEvents = new CopyOnWriteArrayList<>();
    private final Thread events;
    private volatile AppNode node;
    private volatile boolean streaming;
    private volatile Duration reconnect = RECONNECT;
    private volatile boolean closed;
    private volatile InputStream stream;
    private volatile Instant firstDraft;
    private PageState latest;
    private Instant lastShown = Instant.now();
    private Instant latestShownAt;
    private ScheduledFuture<?> pollTimer;

    ChatPage(HttpClient http, Router router, AppNode node, Traffic traffic, ScheduledExecutorService timers,
            String token, Duration requestTimeout, Listener listener) {
        this.http = http;
        this.router = router;
        this.node = node;
        this.traffic = traffic;
        this.timers = timers;
        this.api = "/api/chat/" + token;
        this.requestTimeout = requestTimeout;
        this.listener = listener;
        this.events = new Thread(this::listen, "events-" + token.substring(0, 6));
        events.setDaemon(true);
    }

    /** Opens the page: the event stream and the first load, as the script's last two lines. */
    void open() {
        events.start();
        load(Source.LOAD, null);
    }

    /**
     * Waits until the page shows a state that meets {@code condition}, reloading it as an employee would after
     * {@link #RELOAD_AFTER} without news.
     */
    synchronized Shown await(Predicate<PageState> condition, Instant deadline)
            throws InterruptedException, TimeoutException {
        while (latest == null || !condition.test(latest)) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new TimeoutException("the page did not get there in time");
            }
            wait(Math.min(left, 1_000));
            if (Duration.between(lastShown, Instant.now()).compareTo(RELOAD_AFTER) > 0) {
                traffic.reloaded();
                lastShown = Instant.now();
                load(Source.LOAD, null);
            }
        }
        return new Shown(latest, latestShownAt);
    }

    /** One of the page's actions ({@code act} in the script): the answer is shown when it is a state. */
    Answer act(String method, String path, Object body) throws IOException, InterruptedException {
        Answer answer = send(request(path).method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"));
        if (answer.ok()) {
            show(answer.state(), Source.ACTION, null);
        }
        return answer;
    }

    /** Loads the state now and waits for it (a reload). */
    PageState reload() throws IOException, InterruptedException {
        Answer answer = send(request("").GET());
        if (!answer.ok()) {
            throw new IOException("GET " + api + " answered " + answer.status());
        }
        PageState state = answer.state();
        show(state, Source.ACTION, null);
        return state;
    }

    /** When the first {@code draft} event came since the last call, or null; and starts over. */
    Instant takeFirstDraft() {
        Instant draft = firstDraft;
        firstDraft = null;
        return draft;
    }

    List<Instant> stateEvents() {
        return List.copyOf(stateEvents);
    }

    AppNode node() {
        return node;
    }

    private void load(Source source, Instant eventAt) {
        AppNode target = node;
        http.sendAsync(request("").GET().build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null) {
                failed(target, error.getCause() != null ? error.getCause() : error);
                return;
            }
            traffic.status(response.statusCode());
            if (response.statusCode() == 200) {
                show(new Answer(200, response.body()).state(), source, eventAt);
            }
        });
    }

    private synchronized void show(PageState state, Source source, Instant eventAt) {
        if (latest != null && state.olderThan(latest)) {
            return;
        }
        latest = state;
        lastShown = Instant.now();
        latestShownAt = lastShown;
        listener.shown(state, source, eventAt);
        if (pollTimer != null) {
            pollTimer.cancel(false);
        }
        if (state.botWorking() && !closed) {
            pollTimer = timers.schedule(() -> load(Source.POLL, null),
                    (streaming ? POLL_STREAMING : POLL_WITHOUT_STREAM).toMillis(), TimeUnit.MILLISECONDS);
        }
        notifyAll();
    }

    private void listen() {
        while (!closed) {
            AppNode target = node;
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(target.uri(api + "/events"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                traffic.status(response.statusCode());
                if (response.statusCode() != 200) {
                    response.body().close();
                    streamBroke();
                    return;
                }
                stream = response.body();
                read(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (!closed) {
                    failed(target, e);
                }
            } catch (InterruptedException e) {
                return;
            }
            streamBroke();
            try {
                Thread.sleep(reconnect.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(BufferedReader reader) throws IOException {
        String name = "message";
        var data = new StringBuilder();
        for (String line; (line = reader.readLine()) != null && !closed; ) {
            if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()));
            } else if (line.matches("retry:\\d+")) {
                reconnect = Duration.ofMillis(Long.parseLong(line.substring("retry:".length())));
            } else if (line.isEmpty()) {
                dispatch(name, data.toString());
                name = "message";
                data.setLength(0);
            }
        }
    }

    private void dispatch(String event, String data) {
        switch (event) {
            case "ready" -> {
                streaming = true;
                update(data, null);
            }
            case "state" -> {
                Instant now = Instant.now();
                stateEvents.add(now);
                update(data, now);
            }
            case "draft" -> {
                if (firstDraft == null) {
                    firstDraft = Instant.now();
                }
            }
            default -> {
            }
        }
    }

    /** The script's {@code update}: an event's state is shown; an empty one ({@code {}}) is fetched. */
    private void update(String data, Instant eventAt) {
        PageState state = data.isBlank() ? null : new Answer(200, data).state();
        if (state != null && state.status() != null) {
            show(state, eventAt == null ? Source.LOAD : Source.EVENT, eventAt);
        } else {
            load(eventAt == null ? Source.LOAD : Source.EVENT, eventAt);
        }
    }

    /** The script's {@code onerror}: no stream, and a poll in 2 s while the bot works. */
    private synchronized void streamBroke() {
        streaming = false;
        if (!closed && latest != null && latest.botWorking()) {
            if (pollTimer != null) {
                pollTimer.cancel(false);
            }
            pollTimer = timers.schedule(() -> load(Source.POLL, null), POLL_WITHOUT_STREAM.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        AppNode target = node;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            traffic.status(response.statusCode());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            failed(target, e);
            throw e;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(node.uri(api + path)).timeout(requestTimeout);
    }

    /** A timeout is the node being slow; anything else means it is gone, and the next request goes elsewhere. */
    private void failed(AppNode target, Throwable error) {
        if (error instanceof HttpTimeoutException && !(error instanceof HttpConnectTimeoutException)) {
            traffic.timedOut();
            return;
        }
        traffic.connectionFailed();
        if (cannotConnect(error)) {
            synchronized (this) {
                if (node == target && router.nodes().size() > 1) {
                    node = router.after(target);
                    traffic.failedOver();
                }
            }
        }
    }

    private static boolean cannotConnect(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (pollTimer != null) {
                pollTimer.cancel(false);
            }
        }
        InputStream open = stream;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // the stream is being dropped anyway
            }
        }
        events.interrupt();
    }
}
