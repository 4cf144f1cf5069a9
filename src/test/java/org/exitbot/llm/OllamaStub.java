package org.exitbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server speaking Ollama's {@code /api/chat} protocol (docs/api.md in ollama/ollama): it checks every
 * request body against the protocol, records it, and answers as Ollama does, in one JSON object or streamed as
 * NDJSON. Tests script the replies; requests that break the protocol get Ollama's 400 and are listed in
 * {@link #violations()}. {@link #serve(Serving)} makes it as slow and as serial as a real model (a latency per call,
 * a number of slots beyond which calls queue, a streaming pace), and {@link #inject(Faults)} makes a share of
 * the calls fail.
 */
public final class OllamaStub implements AutoCloseable {

    /**
     * Without it the JDK's HTTP server leaves Nagle's algorithm on, and each streamed reply stalls about 40 ms on
     * the client's delayed ACK (Ollama's server sends every chunk at once). Read once, when the JVM's first HTTP
     * server starts: the build sets it for every test JVM (pom.xml).
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_LEVEL = Set.of("model", "messages", "stream", "format", "options",
            "keep_alive", "tools", "think");
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
    private static final Pattern EMPLOYEE_TEXT = Pattern.compile("<employee_text>(.*?)</employee_text>", Pattern.DOTALL);
    private static final Pattern LABELLED_REPLY = Pattern.compile("\\[(A\\d+)]: <employee_text>(.*?)</employee_text>",
            Pattern.DOTALL);

    private final HttpServer server;
    private final Deque<Reply> queued = new ConcurrentLinkedDeque<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> callsPerPrompt = new ConcurrentHashMap<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger queuedForSlot = new AtomicInteger();
    private final AtomicInteger mostQueuedForSlot = new AtomicInteger();
    private final AtomicLong faultsInjected = new AtomicLong();
    private volatile Function<ChatRequest, Reply> responder = OllamaStub::plausibleReply;
    private volatile String installedModel = "llama3.1:8b";
    private volatile Serving serving = Serving.INSTANT;
    private volatile Semaphore slots = null;
    private volatile Faults faults = Faults.NONE;
    private volatile Random random = new Random(0);

    public OllamaStub() throws IOException {
        if (!Boolean.getBoolean(NO_DELAY)) {
            throw new IllegalStateException("Start the JVM with -D" + NO_DELAY + "=true, as the build does: without"
                    + " it every streamed reply of the stub waits ~40 ms that Ollama does not");
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/api/chat", this::chat);
        server.createContext("/api/tags", exchange -> send(exchange, 200, "application/json",
                "{\"models\":[{\"name\":\"" + installedModel + "\",\"model\":\"" + installedModel + "\"}]}"));
        server.createContext("/api/version", exchange -> send(exchange, 200, "application/json",
                "{\"version\":\"0.12.6\"}"));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request Ollama received, parsed. */
    public record ChatRequest(JsonNode body) {

        public String model() {
            return body.path("model").asText();
        }

        public String message(String role) {
            for (JsonNode message : body.path("messages")) {
                if (role.equals(message.path("role").asText())) {
                    return message.path("content").asText();
                }
            }
            return null;
        }

        public boolean asksFor(String schemaProperty) {
            return body.path("format").path("properties").has(schemaProperty);
        }

        public boolean isFollowUpDecision() {
            return asksFor("askFollowUp");
        }

        public boolean isInterviewAnalysis() {
            return asksFor("summary");
        }

        /** The replies an interview analysis asks to judge one by one, by their label ({@code A1}...), in order. */
        public Map<String, String> labelledReplies() {
            var replies = new java.util.LinkedHashMap<String, String>();
            Matcher matcher = LABELLED_REPLY.matcher(message("user"));
            while (matcher.find()) {
                replies.put(matcher.group(1), matcher.group(2));
            }
            return replies;
        }

        /** The texts the prompt marks as the employee's, in order. */
        public List<String> employeeTexts() {
            var texts = new ArrayList<String>();
            Matcher matcher = EMPLOYEE_TEXT.matcher(message("user"));
            while (matcher.find()) {
                texts.add(matcher.group(1));
            }
            return texts;
        }

        public boolean streams() {
            return body.path("stream").asBoolean(true);
        }

        /**
         * Which prompt this is, told by the JSON schema it asks for: {@code follow-up} (it may ask a follow-up),
         * {@code interview-analysis} (a summary) or {@code other}.
         */
        public String prompt() {
            if (asksFor("askFollowUp") || asksFor("followUp")) {
                return "follow-up";
            }
            return isInterviewAnalysis() ? "interview-analysis" : "other";
        }
    }

    /**
     * How the model serves every call, on top of each reply's own delays: it waits {@code latency} before the
     * first chunk (as a model reads the prompt), then {@code pace} before each streamed chunk. At most
     * {@code slots} calls are served at once (0: no limit); the others wait their turn in arrival order, as
     * Ollama queues calls beyond {@code OLLAMA_NUM_PARALLEL}.
     */
    public record Serving(Duration latency, int slots, Duration pace) {

        public static final Serving INSTANT = new Serving(Duration.ZERO, 0, Duration.ZERO);

        public Serving {
            if (latency.isNegative() || pace.isNegative() || slots < 0) {
                throw new IllegalArgumentException("latency, pace and slots must not be negative");
            }
        }
    }

    /** A way a call fails. */
    public enum Fault {
        /** Ollama's error object under HTTP 500, at once (after waiting for a slot). */
        ERROR_STATUS,
        /** Half the reply streamed, then an {@code {"error": ...}} line under status 200; a 500 when not streamed. */
        MID_STREAM_ERROR,
        /** No answer at all: the connection is held, without a slot, for {@link Faults#hang()} and then dropped. */
        HANG
    }

    /**
     * Makes a share of the calls fail, each in one of {@code kinds} picked at random: reproducible for one
     * {@code seed} and one order of calls.
     */
    public record Faults(double rate, List<Fault> kinds, Duration hang, long seed) {

        public static final Faults NONE = new Faults(0, List.of(), Duration.ZERO, 0);

        public Faults {
            if (rate < 0 || rate > 1 || rate > 0 && kinds.isEmpty()) {
                throw new IllegalArgumentException("rate must be in [0, 1], with at least one kind of fault");
            }
            kinds = List.copyOf(kinds);
        }
    }

    /** How the stub answers one request. */
    public record Reply(int status, String content, String error, Duration delay, Duration chunkDelay) {

        public static Reply content(String content) {
            return new Reply(200, content, null, Duration.ZERO, Duration.ZERO);
        }

        public static Reply json(Object value) {
            try {
                return content(JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }

        public static Reply error(int status, String message) {
            return new Reply(status, null, message, Duration.ZERO, Duration.ZERO);
        }

        /** Streams {@code content}, then ends the stream with Ollama's error line; a 500 when not streamed. */
        public static Reply midStreamError(String content, String message) {
            return new Reply(200, content, message, Duration.ZERO, Duration.ZERO);
        }

        /** Never answers: holds the connection for {@code duration}, then drops it without a response. */
        public static Reply hang(Duration duration) {
            return new Reply(0, null, null, duration, Duration.ZERO);
        }

        boolean hangs() {
            return status == 0;
        }

        boolean failsMidStream() {
            return status == 200 && error != null;
        }

        /** A follow-up decision asking {@code question}, keys in schema order as Ollama writes them. */
        public static Reply followUp(String question) {
            return decision(true, question, "negative", -0.4);
        }

        public static Reply decision(boolean ask, String followUp, String sentiment, double score) {
            var answer = new java.util.LinkedHashMap<String, Object>();
            answer.put("askFollowUp", ask);
            answer.put("followUp", followUp);
            answer.put("sentiment", sentiment);
            answer.put("score", score);
            answer.put("themes", List.of());
            return json(answer);
        }

        public Reply after(Duration delay) {
            return new Reply(status, content, error, delay, chunkDelay);
        }

        /** When streamed, waits this long before each chunk, like a model generating. */
        public Reply streamedSlowly(Duration perChunk) {
            return new Reply(status, content, error, delay, perChunk);
        }
    }

    public void respondWith(Function<ChatRequest, Reply> responder) {
        this.responder = responder;
    }

    /** Replies used before the responder, one per request, in order. */
    public void enqueue(Reply... replies) {
        queued.addAll(List.of(replies));
    }

    public void reset() {
        queued.clear();
        violations.clear();
        responder = OllamaStub::plausibleReply;
        serve(Serving.INSTANT);
        inject(Faults.NONE);
        resetCounts();
    }

    /** Forgets the calls counted so far, and keeps serving as it does. */
    public void resetCounts() {
        requests.clear();
        callsPerPrompt.clear();
        mostInFlight.set(0);
        mostQueuedForSlot.set(0);
        faultsInjected.set(0);
    }

    /** From the next call on, serves as {@code serving} says; calls already waiting keep their turn. */
    public void serve(Serving serving) {
        this.serving = serving;
        this.slots = serving.slots() == 0 ? null : new Semaphore(serving.slots(), true);
    }

    public void inject(Faults faults) {
        this.faults = faults;
        this.random = new Random(faults.seed());
    }

    /** Valid calls received, by {@link ChatRequest#prompt()}. */
    public Map<String, Long> callsPerPrompt() {
        var counts = new java.util.TreeMap<String, Long>();
        callsPerPrompt.forEach((prompt, count) -> counts.put(prompt, count.sum()));
        return counts;
    }

    /** The most calls served at once (holding a slot, or all calls when slots are unlimited). */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    /** The most calls that waited for a slot at once. */
    public int mostQueuedForSlot() {
        return mostQueuedForSlot.get();
    }

    public long faultsInjected() {
        return faultsInjected.get();
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * A valid answer to whatever was asked: no follow-up, neutral, no themes, and a summary of one statement
     * backed by the employee's first words.
     */
    public static Reply plausibleReply(ChatRequest request) {
        if (request.isInterviewAnalysis()) {
            return Reply.json(Map.of("sentiment", "neutral", "score", 0.0, "summary", List.of(Map.of(
                    "statement", "The employee answered the questions briefly.",
                    "evidence", request.employeeTexts().get(0))), "themes", List.of(),
                    "answers", request.labelledReplies().keySet().stream().map(label -> Map.of("reply", label,
                            "sentiment", "neutral", "score", 0.0, "themes", List.of())).toList()));
        }
        return Reply.decision(false, "", "neutral", 0.0);
    }

    private void chat(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendError(exchange, 405, "method not allowed");
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                violations.add("body is not JSON: " + e.getMessage());
                sendError(exchange, 400, "invalid character in request body");
                return;
            }
            List<String> problems = check(body);
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                sendError(exchange, 400, String.join("; ", problems));
                return;
            }
            var request = new ChatRequest(body);
            requests.add(request);
            callsPerPrompt.computeIfAbsent(request.prompt(), prompt -> new LongAdder()).increment();
            Reply reply = withFault(queued.isEmpty() ? responder.apply(request) : queued.poll());
            if (reply.hangs()) {
                Thread.sleep(reply.delay().toMillis());
                return;
            }
            Serving serving = this.serving;
            Semaphore slots = this.slots;
            acquire(slots);
            try {
                answer(exchange, request, reply, serving);
            } finally {
                release(slots);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, ChatRequest request, Reply reply, Serving serving)
            throws IOException, InterruptedException {
        if (reply.error() != null && !reply.failsMidStream()) {
            Thread.sleep(reply.delay().toMillis());
            sendError(exchange, reply.status(), reply.error());
            return;
        }
        Thread.sleep(serving.latency().plus(reply.delay()).toMillis());
        Duration pace = reply.chunkDelay().isZero() ? serving.pace() : reply.chunkDelay();
        if (reply.failsMidStream() && !request.streams()) {
            sendError(exchange, 500, reply.error());
        } else if (request.streams()) {
            stream(exchange, request.model(), reply, pace);
        } else {
            send(exchange, 200, "application/json", JSON.writeValueAsString(done(request.model(), reply.content())));
        }
    }

    private Reply withFault(Reply reply) {
        Faults faults = this.faults;
        if (faults.rate() == 0 || random.nextDouble() >= faults.rate()) {
            return reply;
        }
        faultsInjected.incrementAndGet();
        String content = reply.content() == null ? "" : reply.content();
        return switch (faults.kinds().get(random.nextInt(faults.kinds().size()))) {
            case ERROR_STATUS -> Reply.error(500, "model runner has unexpectedly stopped (injected fault)");
            case MID_STREAM_ERROR -> Reply.midStreamError(content.substring(0, content.length() / 2),
                    "an error was encountered while running the model (injected fault)");
            case HANG -> Reply.hang(faults.hang());
        };
    }

    private void acquire(Semaphore slots) throws InterruptedException {
        if (slots != null) {
            mostQueuedForSlot.accumulateAndGet(queuedForSlot.incrementAndGet(), Math::max);
            try {
                slots.acquire();
            } finally {
                queuedForSlot.decrementAndGet();
            }
        }
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    private void release(Semaphore slots) {
        inFlight.decrementAndGet();
        if (slots != null) {
            slots.release();
        }
    }

    private static List<String> check(JsonNode body) {
        var problems = new ArrayList<String>();
        if (!body.isObject()) {
            return List.of("body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                problems.add("unknown field '" + name + "'");
            }
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            problems.add("model is required");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            problems.add("messages must be a non-empty array");
        } else {
            for (JsonNode message : messages) {
                if (!ROLES.contains(message.path("role").asText())) {
                    problems.add("message role must be one of " + ROLES + ": " + message.path("role"));
                }
                if (!message.path("content").isTextual()) {
                    problems.add("message content must be a string");
                }
            }
        }
        if (body.has("stream") && !body.get("stream").isBoolean()) {
            problems.add("stream must be a boolean");
        }
        if (body.has("format") && !(body.get("format").isObject() && "object".equals(body.get("format").path("type").asText())
                || "json".equals(body.get("format").asText()))) {
            problems.add("format must be \"json\" or a JSON schema object");
        }
        if (body.has("options") && !body.get("options").isObject()) {
            problems.add("options must be an object");
        }
        if (body.has("keep_alive") && !(body.get("keep_alive").isTextual() || body.get("keep_alive").isNumber())) {
            problems.add("keep_alive must be a duration string or a number");
        }
        if (body.has("tools") && !body.get("tools").isArray()) {
            problems.add("tools must be an array");
        }
        return problems;
    }

    private static ObjectNode done(String model, String content) {
        ObjectNode response = chunk(model, content);
        response.put("done", true);
        response.put("done_reason", "stop");
        response.put("total_duration", 1_200_000L);
        response.put("load_duration", 100_000L);
        response.put("prompt_eval_count", 120);
        response.put("prompt_eval_duration", 500_000L);
        response.put("eval_count", Math.max(1, content.length() / 4));
        response.put("eval_duration", 600_000L);
        return response;
    }

    private static ObjectNode chunk(String model, String content) {
        ObjectNode response = JSON.createObjectNode();
        response.put("model", model);
        response.put("created_at", Instant.now().toString());
        response.putObject("message").put("role", "assistant").put("content", content);
        response.put("done", false);
        return response;
    }

    private static void stream(HttpExchange exchange, String model, Reply reply, Duration chunkDelay)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : reply.content().split("(?<= )")) {
                Thread.sleep(chunkDelay.toMillis());
                out.write((JSON.writeValueAsString(chunk(model, piece)) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            ObjectNode last = reply.failsMidStream() ? JSON.createObjectNode().put("error", reply.error())
                    : done(model, "");
            out.write((JSON.writeValueAsString(last) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsString(Map.of("error", message)));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
