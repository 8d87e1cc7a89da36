package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/metrics/live-stream} over a real WebSocket: every sample pushed to a client with a token from
 * {@code POST /api/auth/login}, the handshake refused without one.
 */
@FastTelemetryTest
class LiveStreamTests {

    private static final String PATH = "/api/metrics/live-stream";

    @LocalServerPort
    int port;

    private final StandardWebSocketClient client = new StandardWebSocketClient();

    @Test
    void pushesEverySampleToAClientWithTheTokenAsSubprotocol() throws Exception {
        ApiClient api = new ApiClient(port);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setSecWebSocketProtocol(List.of("bearer", api.login(FastTelemetryTest.ADMIN_PASSWORD)));
        Received received = new Received();
        WebSocketSession session = client.execute(received, headers, api.webSocket(PATH)).get(10, TimeUnit.SECONDS);
        try {
            assertThat(session.getAcceptedProtocol()).isEqualTo("bearer");
            // five samples a second in this test: a handful within a few seconds, each one pushed
            await().atMost(Duration.ofSeconds(10)).until(() -> received.messages.size() >= 5);
            JsonNode first = api.parse(received.messages.take());
            JsonNode second = api.parse(received.messages.take());
            assertThat(first.get("values").has("cpu.percent")).isTrue();
            assertThat(first.get("values").has("gpu.percent")).as("no GPU: absent, not 0").isFalse();
            assertThat(second.get("sampled_at").asString()).isGreaterThan(first.get("sampled_at").asString());
        } finally {
            session.close();
        }
    }

    @Test
    void acceptsTheTokenAsAccessTokenQueryParameter() throws Exception {
        ApiClient api = new ApiClient(port);
        Received received = new Received();
        URI uri = api.webSocket(PATH + "?access_token=" + api.login(FastTelemetryTest.ADMIN_PASSWORD));
        WebSocketSession session = client.execute(received, new WebSocketHttpHeaders(), uri).get(10, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !received.messages.isEmpty());
        } finally {
            session.close();
        }
    }

    @Test
    void refusesTheHandshakeWithoutAToken() {
        ApiClient api = new ApiClient(port);
        assertThatThrownBy(() -> client.execute(new Received(), new WebSocketHttpHeaders(), api.webSocket(PATH))
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void refusesTheHandshakeWithAForgedToken() {
        ApiClient api = new ApiClient(port);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setSecWebSocketProtocol(List.of("bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.forged"));
        assertThatThrownBy(() -> client.execute(new Received(), headers, api.webSocket(PATH)).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    /** Bounded like everything else: a test that stops reading cannot grow the heap. */
    private static final class Received extends TextWebSocketHandler {

        final BlockingQueue<String> messages = new ArrayBlockingQueue<>(200);

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) {
            messages.offer(message.getPayload());
        }
    }
}
