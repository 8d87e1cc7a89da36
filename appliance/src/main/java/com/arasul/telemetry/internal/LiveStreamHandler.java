package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricSample;
import com.arasul.telemetry.internal.TelemetryProperties.LiveStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/metrics/live-stream}: every sample, as JSON, to every connected client. Sending happens on a
 * small bounded executor, never on the sampling thread; each session has a bounded send buffer and a send
 * time limit, and a client that cannot keep up is dropped.
 */
final class LiveStreamHandler extends TextWebSocketHandler implements SubProtocolCapable {

    private static final Logger log = LoggerFactory.getLogger(LiveStreamHandler.class);
    /** Tomcat's own limit for one blocking write, which otherwise defaults to 20 s. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final LiveStream limits;
    private final Executor sender;
    private final JsonMapper json;

    LiveStreamHandler(LiveStream limits, Executor sender, JsonMapper json) {
        this.limits = limits;
        this.sender = sender;
        this.json = json;
    }

    @Override
    public List<String> getSubProtocols() {
        // the token travels as "Sec-WebSocket-Protocol: bearer, <token>"; the server answers "bearer"
        return List.of("bearer");
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        if (sessions.size() >= limits.maxSessions()) {
            log.warn("Refusing a live-stream client: {} clients are connected already", sessions.size());
            session.close(CloseStatus.SERVICE_OVERLOAD);
            return;
        }
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession(jakarta.websocket.Session.class) instanceof jakarta.websocket.Session ws) {
            ws.getUserProperties().put(TOMCAT_SEND_TIMEOUT, limits.sendTimeLimit().toMillis());
        }
        sessions.put(session.getId(), new ConcurrentWebSocketSessionDecorator(session,
                (int) limits.sendTimeLimit().toMillis(), limits.sendBufferBytes(),
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sessions.remove(session.getId());
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        sessions.remove(session.getId());
    }

    void broadcast(MetricSample sample) {
        if (sessions.isEmpty()) {
            return;
        }
        TextMessage message = new TextMessage(json.writeValueAsString(LiveSampleJson.of(sample, sample.timestamp())));
        sessions.values().forEach(session -> sender.execute(() -> send(session, message)));
    }

    int sessionCount() {
        return sessions.size();
    }

    private void send(WebSocketSession session, TextMessage message) {
        if (!session.isOpen()) {
            sessions.remove(session.getId());
            return;
        }
        try {
            session.sendMessage(message);
        } catch (IOException | RuntimeException e) {
            // too slow (the decorator's limits) or gone: drop it, the client may reconnect
            sessions.remove(session.getId());
            log.info("Dropped live-stream client {}: {}", session.getId(), e.getMessage());
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException | RuntimeException ignored) {
                // already closed
            }
        }
    }
}
