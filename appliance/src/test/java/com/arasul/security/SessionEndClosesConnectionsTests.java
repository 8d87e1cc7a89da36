package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logout, logout-all and a password change close the WebSockets and event streams of the ended
 * sessions within a second: a stolen token's open connections do not outlive it.
 */
@SecuredApplianceTest
class SessionEndClosesConnectionsTests {

    static final Duration WITHIN = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    @Autowired
    ApiClient api;

    @Autowired
    TestAccounts accounts;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void logoutClosesTheSessionsWebSocket() throws Exception {
        String token = api.token(accounts.create(), TestAccounts.PASSWORD);
        Frames frames = liveStream(token);

        api.post("/api/auth/logout", token, Map.of());

        await().atMost(WITHIN).until(frames.closed::isDone);
        int after = frames.count.get();
        assertThat(frames.closed.get()).isEqualTo(1008);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> frames.count.get() == after);
    }

    @Test
    void logoutClosesTheSessionsEventStream() throws Exception {
        String token = api.token(accounts.create(), TestAccounts.PASSWORD);
        EventStream stream = eventStream(token);

        api.post("/api/auth/logout", token, Map.of());

        await().atMost(WITHIN).until(stream.ended::isDone);
    }

    @Test
    void logoutAllClosesTheConnectionsOfEverySessionOfTheAccount() throws Exception {
        String username = accounts.create();
        String other = api.token(username, TestAccounts.PASSWORD);
        String current = api.token(username, TestAccounts.PASSWORD);
        Frames otherSocket = liveStream(other);
        EventStream otherStream = eventStream(other);
        Frames currentSocket = liveStream(current);

        api.post("/api/auth/logout-all", current, Map.of());

        await().atMost(WITHIN).until(() -> otherSocket.closed.isDone() && otherStream.ended.isDone()
                && currentSocket.closed.isDone());
    }

    @Test
    void aPasswordChangeClosesTheConnectionsOfTheOtherSessionsOnly() throws Exception {
        String username = accounts.create();
        String other = api.token(username, TestAccounts.PASSWORD);
        String current = api.token(username, TestAccounts.PASSWORD);
        Frames otherSocket = liveStream(other);
        EventStream otherStream = eventStream(other);
        Frames currentSocket = liveStream(current);

        HttpResponse<String> changed = api.post("/api/auth/change-password", current,
                Map.of("current_password", TestAccounts.PASSWORD, "new_password", "Another-Probe-Password-7?"));

        assertThat(changed.statusCode()).isEqualTo(200);
        await().atMost(WITHIN).until(() -> otherSocket.closed.isDone() && otherStream.ended.isDone());
        int before = currentSocket.count.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> currentSocket.count.get() > before);
        assertThat(currentSocket.closed).isNotDone();
        currentSocket.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** A real WebSocket on the metrics live stream, once its first frame arrived. */
    private Frames liveStream(String token) throws Exception {
        Frames frames = new Frames();
        frames.socket = http.newWebSocketBuilder().subprotocols(WebSocketTokens.BEARER_SUBPROTOCOL, token)
                .buildAsync(URI.create("ws://localhost:" + port + "/api/metrics/live-stream"), frames)
                .get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> frames.count.get() > 0);
        return frames;
    }

    /** A real event stream (the appliance's log), opened with a ticket and read on its own thread. */
    private EventStream eventStream(String token) {
        String ticket = ApiClient.json(api.post("/api/auth/stream-ticket", token, Map.of())).get("ticket").asString();
        HttpResponse<InputStream> response = api.stream("/api/logs/stream?service=appliance&ticket=" + ticket);
        assertThat(response.statusCode()).isEqualTo(200);
        EventStream stream = new EventStream();
        Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                while (lines.readLine() != null) {
                    stream.lines.incrementAndGet();
                }
                stream.ended.complete(null);
            } catch (IOException e) {
                stream.ended.complete(null);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines.get() > 0);
        return stream;
    }

    static final class Frames implements WebSocket.Listener {

        final AtomicInteger count = new AtomicInteger();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            count.incrementAndGet();
            return WebSocket.Listener.super.onText(webSocket, data, last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }

    static final class EventStream {

        final AtomicInteger lines = new AtomicInteger();
        final CompletableFuture<Void> ended = new CompletableFuture<>();
    }
}
