package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** WebSocket handshakes pass the same filter chain as every other request (see {@link EchoWebSocket}). */
@SecuredApplianceTest
class WebSocketHandshakeTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiClient api;

    HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesAHandshakeWithoutToken() {
        assertThat(refusalStatus(http.newWebSocketBuilder(), "")).isEqualTo(401);
    }

    @Test
    void refusesAHandshakeWithARevokedToken() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        api.post("/api/auth/logout", token, java.util.Map.of());

        assertThat(refusalStatus(http.newWebSocketBuilder(), "?access_token=" + token)).isEqualTo(401);
        assertThat(refusalStatus(http.newWebSocketBuilder().subprotocols(WebSocketTokens.BEARER_SUBPROTOCOL, token), ""))
                .isEqualTo(401);
    }

    @Test
    void acceptsTheTokenAsQueryParameter() throws Exception {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        Greeting greeting = new Greeting();

        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(uri("?" + WebSocketTokens.ACCESS_TOKEN_PARAMETER + "=" + token), greeting)
                .get(10, TimeUnit.SECONDS);

        assertThat(greeting.text.get(10, TimeUnit.SECONDS)).isEqualTo("hello admin");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void acceptsTheTokenAsSubprotocolAndSelectsBearer() throws Exception {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        Greeting greeting = new Greeting();

        WebSocket socket = http.newWebSocketBuilder()
                .subprotocols(WebSocketTokens.BEARER_SUBPROTOCOL, token)
                .buildAsync(uri(""), greeting)
                .get(10, TimeUnit.SECONDS);

        assertThat(socket.getSubprotocol()).isEqualTo(WebSocketTokens.BEARER_SUBPROTOCOL);
        assertThat(greeting.text.get(10, TimeUnit.SECONDS)).isEqualTo("hello admin");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void takesTheQueryParameterOnWebSocketHandshakesOnly() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);

        assertThat(api.post("/api/auth/logout?access_token=" + token, null, java.util.Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(api.get("/api/auth/me?access_token=" + token, null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/logs/stream?service=appliance&access_token=" + token, null).statusCode())
                .isEqualTo(401);
    }

    private URI uri(String query) {
        return URI.create("ws://localhost:" + port + EchoWebSocket.PATH + query);
    }

    private int refusalStatus(WebSocket.Builder builder, String query) {
        Throwable failure = catchThrowable(() -> builder.connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri(query), new Greeting()).get(10, TimeUnit.SECONDS));
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
        }
        throw new AssertionError("the handshake was not refused", failure);
    }

    /** Keeps the first text the server sends. */
    static final class Greeting implements WebSocket.Listener {

        final CompletableFuture<String> text = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.complete(data.toString());
            return WebSocket.Listener.super.onText(webSocket, data, last);
        }
    }
}
