package com.arasul.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A WebSocket endpoint that pushes the same text to every connected client and never waits for one:
 * sends run on the given (bounded) executor, each client has a bounded send buffer and a send time
 * limit, a client that cannot keep up or has gone is dropped (it may reconnect), and clients beyond
 * the limit are refused with {@code 1013 SERVICE_OVERLOAD}. It offers the {@code bearer} subprotocol
 * the token travels in.
 */
public final class WebSocketBroadcaster extends TextWebSocketHandler implements SubProtocolCapable {

    private static final Logger log = LoggerFactory.getLogger(WebSocketBroadcaster.class);
    /** Tomcat's own limit for one blocking write, which otherwise defaults to 20 s. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, LiveConnections.Registration> registrations = new ConcurrentHashMap<>();
    private final String clients;
    private final Limits limits;
    private final Executor sender;
    private final LiveConnections connections;
    private final boolean greetWithLatest;
    /** The newest broadcast, made into text at most once; guarded by {@code this} with the session snapshot. */
    private Supplier<String> latest;

    /**
     * @param clients what the clients are, for the log ({@code "live-stream"})
     * @param limits how many clients, and how much each may hold up
     * @param sender where sends run; bounded, so a burst cannot grow without limit
     * @param connections where each client is registered under its session, which closes it when
     *     the session ends (logout, password change)
     */
    public WebSocketBroadcaster(String clients, Limits limits, Executor sender, LiveConnections connections) {
        this(clients, limits, sender, connections, false);
    }

    /**
     * @param greetWithLatest whether a client gets the newest broadcast as soon as it connects (a live
     *     value the page can show at once instead of up to one interval later); it then gets every later
     *     broadcast and never one twice
     */
    public WebSocketBroadcaster(String clients, Limits limits, Executor sender, LiveConnections connections,
            boolean greetWithLatest) {
        this.clients = Objects.requireNonNull(clients);
        this.limits = Objects.requireNonNull(limits);
        this.sender = Objects.requireNonNull(sender);
        this.connections = Objects.requireNonNull(connections);
        this.greetWithLatest = greetWithLatest;
    }

    /**
     * @param maxSessions concurrent clients; more are refused
     * @param sendTimeLimit a client that takes longer than this to accept a message is dropped
     * @param sendBufferBytes bytes queued for one slow client before it is dropped
     */
    public record Limits(int maxSessions, Duration sendTimeLimit, int sendBufferBytes) {
    }

    @Override
    public List<String> getSubProtocols() {
        // the token travels as "Sec-WebSocket-Protocol: bearer, <token>"; the server answers "bearer"
        return List.of("bearer");
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        if (sessions.size() >= limits.maxSessions()) {
            log.warn("Refusing a {} client: {} clients are connected already", clients, sessions.size());
            session.close(CloseStatus.SERVICE_OVERLOAD);
            return;
        }
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession(jakarta.websocket.Session.class) instanceof jakarta.websocket.Session ws) {
            ws.getUserProperties().put(TOMCAT_SEND_TIMEOUT, limits.sendTimeLimit().toMillis());
        }
        WebSocketSession client = new ConcurrentWebSocketSessionDecorator(session,
                (int) limits.sendTimeLimit().toMillis(), limits.sendBufferBytes(),
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        Supplier<String> greeting;
        synchronized (this) {
            sessions.put(session.getId(), client);
            greeting = latest;
        }
        registrations.put(session.getId(), connections.register(session.getPrincipal(), () -> ended(client)));
        if (greeting != null) {
            sender.execute(() -> send(client, new TextMessage(greeting.get())));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        forget(session);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        forget(session);
    }

    private void forget(WebSocketSession session) {
        sessions.remove(session.getId());
        LiveConnections.Registration registration = registrations.remove(session.getId());
        if (registration != null) {
            registration.close();
        }
    }

    /** The client's session ended: no further frame, and the connection closes (1008 policy violation). */
    private void ended(WebSocketSession client) {
        sessions.remove(client.getId());
        registrations.remove(client.getId());
        try {
            client.close(CloseStatus.POLICY_VIOLATION.withReason("the session has ended"));
        } catch (IOException | RuntimeException ignored) {
            // gone already
        }
    }

    /** Hands the text to every client; it is made only when there is one. Returns at once. */
    public void broadcast(Supplier<String> text) {
        Supplier<String> once = new Once(text);
        List<WebSocketSession> targets;
        synchronized (this) {
            if (greetWithLatest) {
                latest = once;
            }
            if (sessions.isEmpty()) {
                return;
            }
            targets = List.copyOf(sessions.values());
        }
        TextMessage message = new TextMessage(once.get());
        targets.forEach(session -> sender.execute(() -> send(session, message)));
    }

    /** A text made at most once, by whoever asks first. */
    private static final class Once implements Supplier<String> {

        private Supplier<String> source;
        private String text;

        Once(Supplier<String> source) {
            this.source = source;
        }

        @Override
        public synchronized String get() {
            if (source != null) {
                text = source.get();
                source = null;
            }
            return text;
        }
    }

    public int sessionCount() {
        return sessions.size();
    }

    private void send(WebSocketSession session, TextMessage message) {
        if (!session.isOpen()) {
            forget(session);
            return;
        }
        try {
            session.sendMessage(message);
        } catch (IOException | RuntimeException e) {
            // too slow (the decorator's limits) or gone: drop it, the client may reconnect
            forget(session);
            log.info("Dropped {} client {}: {}", clients, session.getId(), e.getMessage());
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException | RuntimeException ignored) {
                // already closed
            }
        }
    }
}
