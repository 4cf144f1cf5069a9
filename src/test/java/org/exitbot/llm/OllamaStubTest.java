package org.exitbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.exitbot.llm.OllamaStub.Fault;
import org.exitbot.llm.OllamaStub.Faults;
import org.exitbot.llm.OllamaStub.Reply;
import org.exitbot.llm.OllamaStub.Serving;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stub as slow, serial and failing as a real Ollama can be, spoken to over HTTP as the app does. */
class OllamaStubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOLLOW_UP_SCHEMA = "{\"type\":\"object\",\"properties\":{\"askFollowUp\":{\"type\":\"boolean\"}}}";
    private static final String ANALYSIS_SCHEMA = "{\"type\":\"object\",\"properties\":{\"sentiment\":{\"type\":\"string\"}}}";

    private final OllamaStub stub = start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void callsBeyondTheSlotsWaitTheirTurn() {
        stub.serve(new Serving(Duration.ofMillis(300), 1, Duration.ZERO));
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(http.sendAsync(chat(ANALYSIS_SCHEMA, false), HttpResponse.BodyHandlers.ofString()));
        }
        calls.forEach(call -> assertThat(call.join().statusCode()).isEqualTo(200));

        assertThat(stub.mostInFlight()).isEqualTo(1);
        assertThat(stub.mostQueuedForSlot()).isGreaterThanOrEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void twoSlotsServeTwoCallsAtOnceAndNoMore() {
        stub.serve(new Serving(Duration.ofMillis(300), 2, Duration.ZERO));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(http.sendAsync(chat(ANALYSIS_SCHEMA, false), HttpResponse.BodyHandlers.ofString()));
        }
        calls.forEach(call -> assertThat(call.join().statusCode()).isEqualTo(200));

        assertThat(stub.mostInFlight()).isEqualTo(2);
    }

    @Test
    void latencyComesBeforeTheFirstChunkAndThePaceBeforeEachChunk() throws Exception {
        stub.respondWith(request -> Reply.content("one two three four five"));
        stub.serve(new Serving(Duration.ofMillis(200), 0, Duration.ofMillis(100)));
        long start = System.nanoTime();

        HttpResponse<String> response = http.send(chat(FOLLOW_UP_SCHEMA, true), HttpResponse.BodyHandlers.ofString());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(JSON.readTree(lines.get(5)).path("done").asBoolean()).isTrue();
    }

    @Test
    void anErrorStatusFault() throws Exception {
        stub.inject(new Faults(1.0, List.of(Fault.ERROR_STATUS), Duration.ZERO, 1));

        HttpResponse<String> response = http.send(chat(FOLLOW_UP_SCHEMA, true), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("injected fault");
        assertThat(stub.faultsInjected()).isEqualTo(1);
    }

    @Test
    void aMidStreamFaultEndsTheStreamWithAnErrorLine() throws Exception {
        stub.respondWith(request -> Reply.content("one two three four"));
        stub.inject(new Faults(1.0, List.of(Fault.MID_STREAM_ERROR), Duration.ZERO, 1));

        HttpResponse<String> streamed = http.send(chat(FOLLOW_UP_SCHEMA, true), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> whole = http.send(chat(FOLLOW_UP_SCHEMA, false), HttpResponse.BodyHandlers.ofString());

        assertThat(streamed.statusCode()).isEqualTo(200);
        List<JsonNode> lines = streamed.body().lines().map(OllamaStubTest::parse).toList();
        assertThat(lines.get(0).at("/message/content").asText()).isEqualTo("one ");
        assertThat(lines.get(lines.size() - 1).path("error").asText()).contains("injected fault");
        assertThat(lines).noneMatch(line -> line.path("done").asBoolean());
        assertThat(whole.statusCode()).isEqualTo(500);
    }

    @Test
    void aHungCallHoldsNoSlotAndIsDroppedWithoutAnAnswer() throws Exception {
        stub.serve(new Serving(Duration.ZERO, 1, Duration.ZERO));
        stub.enqueue(Reply.hang(Duration.ofSeconds(2)));
        var hung = http.sendAsync(chat(ANALYSIS_SCHEMA, false), HttpResponse.BodyHandlers.ofString());
        while (stub.requests().isEmpty()) {
            Thread.sleep(10);
        }

        HttpResponse<String> served = http.send(chat(ANALYSIS_SCHEMA, false), HttpResponse.BodyHandlers.ofString());

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(hung).isNotDone();
        assertThatThrownBy(hung::join).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void faultsAtARateAreTheSameForTheSameSeed() throws Exception {
        var faults = new Faults(0.5, List.of(Fault.ERROR_STATUS), Duration.ZERO, 42);
        List<Integer> first = statuses(faults);
        List<Integer> second = statuses(faults);

        assertThat(first).isEqualTo(second).contains(200, 500);
    }

    @Test
    void countsCallsPerPrompt() throws Exception {
        http.send(chat(FOLLOW_UP_SCHEMA, true), HttpResponse.BodyHandlers.ofString());
        http.send(chat(FOLLOW_UP_SCHEMA, true), HttpResponse.BodyHandlers.ofString());
        http.send(chat(ANALYSIS_SCHEMA, false), HttpResponse.BodyHandlers.ofString());

        assertThat(stub.callsPerPrompt()).isEqualTo(Map.of("follow-up", 2L, "other", 1L));
    }

    private List<Integer> statuses(Faults faults) throws Exception {
        stub.inject(faults);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(http.send(chat(ANALYSIS_SCHEMA, false), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        return statuses;
    }

    private HttpRequest chat(String schema, boolean stream) {
        String body = "{\"model\":\"llama3.1:8b\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],"
                + "\"stream\":" + stream + ",\"format\":" + schema + "}";
        return HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static OllamaStub start() {
        try {
            return new OllamaStub();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
