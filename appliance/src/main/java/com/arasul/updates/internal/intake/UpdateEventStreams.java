package com.arasul.updates.internal.intake;

import com.arasul.updates.UpdateEventRecorded;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live update progress for browsers: every update event goes to each open stream. At most a
 * configured number of streams are open, each for a bounded time. Events are sent from one thread
 * of their own with a bounded backlog, so a slow client never holds up an update.
 */
final class UpdateEventStreams implements DisposableBean {

    /** One update event as a stream sends it (event name {@code update}). */
    record StreamedEvent(Instant timestamp, @JsonProperty("package_id") UUID packageId, String step, String status,
            String message) {
    }

    private final List<SseEmitter> open = new CopyOnWriteArrayList<>();
    private final int maxStreams;
    private final Duration timeout;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), Thread.ofPlatform().name("update-events-sse").daemon().factory(),
            new ThreadPoolExecutor.DiscardOldestPolicy());

    UpdateEventStreams(int maxStreams, Duration timeout) {
        this.maxStreams = maxStreams;
        this.timeout = timeout;
    }

    synchronized SseEmitter open() {
        if (open.size() >= maxStreams) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "already " + maxStreams + " live update streams are open; try again later");
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(e -> open.remove(emitter));
        open.add(emitter);
        return emitter;
    }

    int openStreams() {
        return open.size();
    }

    @EventListener
    void on(UpdateEventRecorded event) {
        StreamedEvent data = new StreamedEvent(event.at(), event.packageId(), event.step().name(), event.status(),
                event.message());
        sender.execute(() -> {
            for (SseEmitter emitter : open) {
                try {
                    emitter.send(SseEmitter.event().name("update").data(data));
                } catch (IOException | IllegalStateException e) {
                    open.remove(emitter);
                    emitter.completeWithError(e);
                }
            }
        });
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        open.forEach(SseEmitter::complete);
        open.clear();
    }
}
