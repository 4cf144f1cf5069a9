package org.exitbot.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP client of a chat page's event stream, keeping every line it has received. */
final class EventStream implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the test ends the stream by closing it
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static EventStream open(String baseUrl, String token) throws IOException, InterruptedException {
        return new EventStream(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/chat/" + token + "/events"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    List<String> lines() {
        return lines;
    }

    long count(String line) {
        return lines.stream().filter(line::equals).count();
    }

    /** The data of every event of that name received so far, in order. */
    List<String> data(String event) {
        var data = new ArrayList<String>();
        String name = null;
        for (String line : List.copyOf(lines)) {
            if (line.startsWith("event:")) {
                name = line.substring("event:".length());
            } else if (line.startsWith("data:") && event.equals(name)) {
                data.add(line.substring("data:".length()));
            }
        }
        return data;
    }

    /** The data of the last event of that name received so far, or "" before there is one. */
    String lastData(String event) {
        List<String> data = data(event);
        return data.isEmpty() ? "" : data.get(data.size() - 1);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
