package org.exitbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server in the test JVM standing in for HR's channels: {@code /slack} answers as a Slack incoming
 * webhook does (200 {@code ok}), {@code /teams} as a Teams Workflows webhook (202). It keeps every post, and
 * answers a path with another status on request, as a channel that is down.
 */
public final class HrChannelReceiver {

    public static final String SLACK = "/slack";
    public static final String TEAMS = "/teams";

    /** A post as received: its path, content type and body. */
    public record Post(String path, String contentType, String body) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();

    private HrChannelReceiver(HttpServer server) {
        this.server = server;
    }

    public static HrChannelReceiver start() {
        try {
            var receiver = new HrChannelReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            receiver.server.createContext("/", receiver::handle);
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Post> posts(String path) {
        return posts.stream().filter(post -> post.path().equals(path)).toList();
    }

    /** The path answers {@code status} to every post (none kept) until {@link #reset()}. */
    public void failWith(String path, int status) {
        failing.put(path, status);
    }

    public void recover() {
        failing.clear();
    }

    public void reset() {
        posts.clear();
        failing.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Integer failure = failing.get(path);
        int status;
        String answer;
        if (!"POST".equals(exchange.getRequestMethod())) {
            status = 405;
            answer = "";
        } else if (failure != null) {
            status = failure;
            answer = "down";
        } else {
            posts.add(new Post(path, exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8)));
            status = path.equals(TEAMS) ? 202 : 200;
            answer = path.equals(SLACK) ? "ok" : "";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
