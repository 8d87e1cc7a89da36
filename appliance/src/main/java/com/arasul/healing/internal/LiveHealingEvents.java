package com.arasul.healing.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/self-healing/live}: every recorded healing event, as JSON, to every connected client.
 * Sends run on a small bounded executor; each client has a bounded send buffer and a send time
 * limit, and one that cannot keep up is dropped (it may reconnect and read the events API).
 */
public class LiveHealingEvents extends TextWebSocketHandler implements SubProtocolCapable, Consumer<HealingEvent> {

    public static final String PATH = "/api/self-healing/live";
    private static final Logger log = LoggerFactory.getLogger(LiveHealingEvents.class);
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final HealingEngineProperties limits;
    private final Executor sender;
    private final JsonMapper json;

    public LiveHealingEvents(HealingEngineProperties limits, Executor sender, JsonMapper json) {
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
        if (sessions.size() >= limits.liveMaxSessions()) {
            session.close(CloseStatus.SERVICE_OVERLOAD);
            return;
        }
        if (session instanceof NativeWebSocketSession n
                && n.getNativeSession(jakarta.websocket.Session.class) instanceof jakarta.websocket.Session ws) {
            ws.getUserProperties().put(TOMCAT_SEND_TIMEOUT, limits.liveSendTimeLimit().toMillis());
        }
        sessions.put(session.getId(), new ConcurrentWebSocketSessionDecorator(session,
                (int) limits.liveSendTimeLimit().toMillis(), limits.liveSendBufferBytes(),
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

    @Override
    public void accept(HealingEvent event) {
        if (sessions.isEmpty()) {
            return;
        }
        TextMessage message = new TextMessage(json.writeValueAsString(event));
        sessions.values().forEach(s -> sender.execute(() -> send(s, message)));
    }

    private void send(WebSocketSession session, TextMessage message) {
        if (!session.isOpen()) {
            sessions.remove(session.getId());
            return;
        }
        try {
            session.sendMessage(message);
        } catch (IOException | RuntimeException e) {
            sessions.remove(session.getId());
            log.info("Dropped a self-healing live client: {}", e.getMessage());
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException | RuntimeException ignored) {
                // already closed
            }
        }
    }
}
