package com.arasul.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** A WebSocket session; one that blocks holds every send until released, like a client whose TCP window is full. */
final class StubSession implements WebSocketSession {

    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger sent = new AtomicInteger();
    /** What was sent, in order (bounded: the tests send a few). */
    final List<String> texts = new CopyOnWriteArrayList<>();
    volatile CloseStatus closedWith;
    private final String id;
    private final boolean blocks;

    StubSession(String id, boolean blocks) {
        this.id = id;
        this.blocks = blocks;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (blocks) {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (texts.size() < 1000) {
            texts.add(String.valueOf(message.getPayload()));
        }
        sent.incrementAndGet();
    }

    @Override
    public void close(CloseStatus status) {
        if (closedWith == null) {
            closedWith = status;
        }
    }

    @Override
    public void close() {
        close(CloseStatus.NORMAL);
    }

    @Override
    public boolean isOpen() {
        return closedWith == null;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public URI getUri() {
        return URI.create("ws://localhost/live");
    }

    @Override
    public HttpHeaders getHandshakeHeaders() {
        return new HttpHeaders();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public Principal getPrincipal() {
        return null;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return null;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return null;
    }

    @Override
    public String getAcceptedProtocol() {
        return "bearer";
    }

    @Override
    public void setTextMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getTextMessageSizeLimit() {
        return 0;
    }

    @Override
    public void setBinaryMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getBinaryMessageSizeLimit() {
        return 0;
    }

    @Override
    public List<WebSocketExtension> getExtensions() {
        return List.of();
    }
}
