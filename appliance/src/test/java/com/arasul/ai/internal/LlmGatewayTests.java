package com.arasul.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.arasul.ai.AiServiceHealth;
import com.arasul.ai.StandInOllama;
import com.arasul.ai.StandInOllama.Script;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The gateway against a stand-in Ollama that answers as its documentation says, and misbehaves on cue. */
class LlmGatewayTests {

    private static final String MODEL = "llama3.2";

    private final JsonMapper json = JsonMapper.builder().build();
    private final StandInOllama ollama = new StandInOllama();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeLater) {
            closeable.close();
        }
        ollama.close();
    }

    @Test
    void streamsEveryChunkAndTheFinalOneWithOllamasTimings() throws IOException {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "The", " sky", " is", " blue")));
        List<String> words = new ArrayList<>();

        JsonNode last;
        try (Upstream upstream = gateway(settings()).chat(request())) {
            last = ChatAnswer.stream(upstream, json, chunk -> words.add(chunk.path("message").path("content").asString()));
        }

        assertThat(words).containsExactly("The", " sky", " is", " blue", "");
        assertThat(last.get("done_reason").asString()).isEqualTo("stop");
        assertThat(last.get("total_duration").asLong()).isEqualTo(4883583458L);
        assertThat(json.readTree(ollama.requests("POST", "/api/chat").getFirst().body()).get("stream").asBoolean()).isTrue();
    }

    @Test
    void collectsTheWholeAnswerWhenNotStreamed() throws IOException {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "Hello", " there")));

        try (Upstream upstream = gateway(settings()).chat(request())) {
            JsonNode answer = ChatAnswer.collect(upstream, json);

            assertThat(answer.path("message").path("content").asString()).isEqualTo("Hello there");
            assertThat(answer.path("eval_count").asInt()).isEqualTo(2);
        }
    }

    @Test
    void errorLineInTheMiddleOfAStreamIsAFailureNotAShorterAnswer() {
        List<String> lines = new ArrayList<>(StandInOllama.chatChunks(MODEL, "The").subList(0, 1));
        lines.add("{\"error\":\"an error was encountered while running the model: unexpected EOF\"}");
        ollama.stream("POST", "/api/chat", Script.of(lines));

        try (Upstream upstream = gateway(settings()).chat(request())) {
            assertThatThrownBy(() -> ChatAnswer.collect(upstream, json))
                    .isInstanceOfSatisfying(LlmFailure.class, failure -> assertThat(failure.getMessage())
                            .contains("an error was encountered while running the model"));
        }
    }

    @Test
    void unknownModelIsNotFoundNamingTheModel() {
        ollama.answer("POST", "/api/chat", 404, "error-model-not-found.json");
        ObjectNode request = request().put("model", "llama9:70b");

        assertThatThrownBy(() -> gateway(settings()).chat(request))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.status().value()).isEqualTo(404);
                    assertThat(failure.getMessage()).contains("'llama9:70b'");
                });
    }

    @Test
    void ollamaNotRunningIsASentenceAndAFactForHealing() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        LlmGateway gateway = gateway(URI.create("http://127.0.0.1:" + deadPort), settings());

        assertThatThrownBy(() -> gateway.chat(request()))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.status().value()).isEqualTo(503);
                    assertThat(failure.getMessage()).startsWith("the language model is not running");
                    assertThat(failure.retryAfter()).isNotNull();
                });
        assertThat(events).singleElement().isInstanceOfSatisfying(AiServiceHealth.class, health -> {
            assertThat(health.service()).isEqualTo("llm-service");
            assertThat(health.healthy()).isFalse();
        });
        assertThat(gateway.inFlight()).isZero();
    }

    @Test
    void firstByteLaterThanTheLimitIsAGatewayTimeout() {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "late"))
                .firstByteAfter(Duration.ofSeconds(5)));
        LlmGateway gateway = gateway(settings());

        assertThatThrownBy(() -> gateway.chat(request()))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.status().value()).isEqualTo(504);
                    assertThat(failure.getMessage()).contains("did not start answering");
                });
        assertThat(gateway.inFlight()).isZero();
    }

    @Test
    void silenceBetweenChunksEndsTheAnswerWithAnIdleFailure() {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "The").subList(0, 1)).thenHang());

        try (Upstream upstream = gateway(settings()).chat(request())) {
            assertThatThrownBy(() -> ChatAnswer.collect(upstream, json))
                    .isInstanceOfSatisfying(LlmFailure.class, failure -> assertThat(failure.getMessage())
                            .contains("stopped answering"));
        }
    }

    @Test
    void requestsBeyondTheSlotsAndTheQueueAreTurnedAwayWithRetryAfter() {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "busy")).thenHang());
        LlmGateway gateway = gateway(settings());
        Upstream first = gateway.chat(request());
        closeLater.add(first);

        assertThatThrownBy(() -> gateway.chat(request()))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.status().value()).isEqualTo(503);
                    assertThat(failure.getMessage()).contains("busy");
                    assertThat(failure.retryAfter()).isNotNull();
                });
        first.close();
        assertThat(gateway.inFlight()).isZero();
    }

    @Test
    void moreRequestsPerSecondThanTheLimitAreTooMany() {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "ok")));
        GatewayProperties oneASecond = new GatewayProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), 4, 0,
                Duration.ofMillis(100), 1, Duration.ofMinutes(5), Duration.ofSeconds(2));
        LlmGateway gateway = gateway(ollama.url(), oneASecond);
        gateway.chat(request()).close();

        assertThatThrownBy(() -> gateway.chat(request()))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> assertThat(failure.status().value()).isEqualTo(429));
    }

    @Test
    void closingAnAnswerMidStreamDropsTheConnectionToOllama() throws IOException {
        List<String> many = StandInOllama.chatChunks(MODEL, "a ".repeat(200).split(" "));
        ollama.stream("POST", "/api/chat", Script.of(many).paced(Duration.ofMillis(20)));

        try (Upstream upstream = gateway(settings()).chat(request())) {
            assertThat(upstream.nextLine()).contains("\"done\":false");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> ollama.clientsGone() == 1);
    }

    private ObjectNode request() {
        ObjectNode request = json.createObjectNode().put("model", MODEL);
        request.putArray("messages").addObject().put("role", "user").put("content", "Why is the sky blue?");
        return request;
    }

    private GatewayProperties settings() {
        return new GatewayProperties(Duration.ofMillis(700), Duration.ofMillis(400), 1, 0, Duration.ofMillis(100), 100,
                Duration.ofMinutes(5), Duration.ofSeconds(2));
    }

    private LlmGateway gateway(GatewayProperties properties) {
        return gateway(ollama.url(), properties);
    }

    private LlmGateway gateway(URI url, GatewayProperties properties) {
        AiProperties ai = new AiProperties(url, URI.create("http://127.0.0.1:1"), MODEL, "", Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        HttpClient http = AiConfiguration.newHttpClient(ai);
        LlmGateway gateway = new LlmGateway(ai, properties, http, json, null, events::add);
        closeLater.add(gateway);
        closeLater.add(http);
        return gateway;
    }
}
