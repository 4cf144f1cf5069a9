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
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server speaking Ollama's {@code /api/chat} protocol (docs/api.md in ollama/ollama): it checks every
 * request body against the protocol, records it, and answers as Ollama does, in one JSON object or streamed as
 * NDJSON. Tests script the replies; requests that break the protocol get Ollama's 400 and are listed in
 * {@link #violations()}.
 */
public final class OllamaStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_LEVEL = Set.of("model", "messages", "stream", "format", "options",
            "keep_alive", "tools", "think");
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
    private static final Pattern EMPLOYEE_TEXT = Pattern.compile("<employee_text>(.*?)</employee_text>", Pattern.DOTALL);

    private final HttpServer server;
    private final Deque<Reply> queued = new ConcurrentLinkedDeque<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile Function<ChatRequest, Reply> responder = OllamaStub::plausibleReply;
    private volatile String installedModel = "llama3.1:8b";

    public OllamaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
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

        /** The analysis of one reply alone, as a re-analysis asks for it. */
        public boolean isAnswerAnalysis() {
            return asksFor("sentiment") && !isFollowUpDecision() && !isInterviewAnalysis();
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
        requests.clear();
        violations.clear();
        responder = OllamaStub::plausibleReply;
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
                    "evidence", request.employeeTexts().get(0))), "themes", List.of()));
        }
        if (request.isAnswerAnalysis()) {
            return Reply.json(Map.of("sentiment", "neutral", "score", 0.0, "themes", List.of()));
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
            Reply reply = queued.isEmpty() ? responder.apply(request) : queued.poll();
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.error() != null) {
                sendError(exchange, reply.status(), reply.error());
            } else if (request.streams()) {
                stream(exchange, request.model(), reply.content(), reply.chunkDelay());
            } else {
                send(exchange, 200, "application/json", JSON.writeValueAsString(done(request.model(), reply.content())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
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

    private static void stream(HttpExchange exchange, String model, String content, Duration chunkDelay)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : content.split("(?<= )")) {
                Thread.sleep(chunkDelay.toMillis());
                out.write((JSON.writeValueAsString(chunk(model, piece)) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write((JSON.writeValueAsString(done(model, "")) + "\n").getBytes(StandardCharsets.UTF_8));
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
    }
}
