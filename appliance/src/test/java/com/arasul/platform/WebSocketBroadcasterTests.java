package com.arasul.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.CloseStatus;

/** A client that stops reading is dropped; neither it nor the others ever hold up the broadcasting thread. */
class WebSocketBroadcasterTests {

    private final ThreadPoolTaskExecutor sender = new ThreadPoolTaskExecutor();
    private final WebSocketBroadcaster broadcaster;

    WebSocketBroadcasterTests() {
        sender.setCorePoolSize(2);
        sender.setMaxPoolSize(2);
        sender.setQueueCapacity(64);
        sender.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        sender.initialize();
        broadcaster = new WebSocketBroadcaster("test",
                new WebSocketBroadcaster.Limits(2, Duration.ofMillis(300), 1024), sender, new LiveConnections());
    }

    @AfterEach
    void stop() {
        sender.shutdown();
    }

    @Test
    void dropsAClientThatStopsReadingWhileTheOthersKeepReceiving() throws IOException {
        StubSession stuck = new StubSession("stuck", true);
        StubSession fine = new StubSession("fine", false);
        broadcaster.afterConnectionEstablished(stuck);
        broadcaster.afterConnectionEstablished(fine);

        String sample = "x".repeat(100); // 50 of them overflow the stuck client's 1 KiB send buffer
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            broadcaster.broadcast(() -> sample);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("broadcasting never waits for a client")
                .isLessThan(Duration.ofMillis(500));

        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.closedWith != null);
        assertThat(stuck.closedWith).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(broadcaster.sessionCount()).isEqualTo(1);
        stuck.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> fine.sent.get() > 0);
    }

    @Test
    void refusesClientsBeyondTheLimit() throws IOException {
        broadcaster.afterConnectionEstablished(new StubSession("a", false));
        broadcaster.afterConnectionEstablished(new StubSession("b", false));
        StubSession third = new StubSession("c", false);
        broadcaster.afterConnectionEstablished(third);
        assertThat(third.closedWith).isEqualTo(CloseStatus.SERVICE_OVERLOAD);
        assertThat(broadcaster.sessionCount()).isEqualTo(2);
    }

    @Test
    void forgetsClientsThatLeaveAndMakesNoMessageWithoutClients() throws IOException {
        StubSession closed = new StubSession("closed", false);
        StubSession failed = new StubSession("failed", false);
        broadcaster.afterConnectionEstablished(closed);
        broadcaster.afterConnectionEstablished(failed);
        broadcaster.afterConnectionClosed(closed, CloseStatus.NORMAL);
        broadcaster.handleTransportError(failed, new IOException("connection reset"));
        assertThat(broadcaster.sessionCount()).isZero();

        AtomicInteger made = new AtomicInteger();
        broadcaster.broadcast(() -> "made " + made.incrementAndGet());
        assertThat(made).hasValue(0);
    }

    @Test
    void greetsANewClientWithTheNewestBroadcastAndThenSendsOnlyLaterOnes() throws IOException {
        WebSocketBroadcaster greeting = new WebSocketBroadcaster("test",
                new WebSocketBroadcaster.Limits(2, Duration.ofMillis(300), 1024), sender, new LiveConnections(), true);
        AtomicInteger made = new AtomicInteger();
        greeting.broadcast(() -> "old " + made.incrementAndGet());
        greeting.broadcast(() -> "newest");
        assertThat(made).as("no client yet: nothing made into text").hasValue(0);

        StubSession late = new StubSession("late", false);
        greeting.afterConnectionEstablished(late);
        await().atMost(Duration.ofSeconds(5)).until(() -> late.sent.get() == 1);
        greeting.broadcast(() -> "next");
        await().atMost(Duration.ofSeconds(5)).until(() -> late.sent.get() == 2);

        assertThat(late.texts).containsExactly("newest", "next");
        assertThat(made).hasValue(0);
    }

    @Test
    void greetsNobodyUnlessAskedTo() throws IOException {
        broadcaster.broadcast(() -> "before");
        StubSession late = new StubSession("late", false);
        broadcaster.afterConnectionEstablished(late);
        broadcaster.broadcast(() -> "after");
        await().atMost(Duration.ofSeconds(5)).until(() -> late.sent.get() == 1);
        assertThat(late.texts).containsExactly("after");
    }

    @Test
    void offersBearerAsItsSubprotocol() {
        assertThat(broadcaster.getSubProtocols()).containsExactly("bearer");
    }
}
