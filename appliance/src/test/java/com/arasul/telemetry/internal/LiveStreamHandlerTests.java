package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.telemetry.MetricSample;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/** A client that stops reading is dropped; neither it nor the others ever hold up the sampling thread. */
class LiveStreamHandlerTests {

    private final ThreadPoolTaskExecutor sender = new ThreadPoolTaskExecutor();
    private final LiveStreamHandler handler;

    LiveStreamHandlerTests() {
        sender.setCorePoolSize(2);
        sender.setMaxPoolSize(2);
        sender.setQueueCapacity(64);
        sender.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
        sender.initialize();
        handler = new LiveStreamHandler(new TelemetryProperties.LiveStream(2, Duration.ofMillis(300), 1024), sender,
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        sender.shutdown();
    }

    @Test
    void dropsAClientThatStopsReadingWhileTheOthersKeepReceiving() throws IOException {
        StubSession stuck = new StubSession("stuck", true);
        StubSession fine = new StubSession("fine", false);
        handler.afterConnectionEstablished(stuck);
        handler.afterConnectionEstablished(fine);

        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            handler.broadcast(new MetricSample(Instant.now(), Map.of("cpu.percent", (double) i)));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("broadcasting never waits for a client")
                .isLessThan(Duration.ofMillis(500));

        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.closedWith != null);
        assertThat(handler.sessionCount()).isEqualTo(1);
        stuck.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> fine.sent.get() > 0);
    }

    @Test
    void refusesClientsBeyondTheLimit() throws IOException {
        handler.afterConnectionEstablished(new StubSession("a", false));
        handler.afterConnectionEstablished(new StubSession("b", false));
        StubSession third = new StubSession("c", false);
        handler.afterConnectionEstablished(third);
        assertThat(third.closedWith).isEqualTo(CloseStatus.SERVICE_OVERLOAD);
        assertThat(handler.sessionCount()).isEqualTo(2);
    }

    @Test
    void offersBearerAsItsSubprotocol() {
        assertThat(handler.getSubProtocols()).containsExactly("bearer");
    }

    /** A session whose first send blocks like a client whose TCP window is full. */
    private static final class StubSession implements WebSocketSession {

        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger sent = new AtomicInteger();
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
            return URI.create("ws://localhost/api/metrics/live-stream");
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
}
