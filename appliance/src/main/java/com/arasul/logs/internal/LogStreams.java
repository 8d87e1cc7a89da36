package com.arasul.logs.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.containers.LogFollow;
import com.arasul.containers.LogLine;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * SSE log follows: at most {@code logStreams} at once, each on a thread of a pool of that size and
 * ending after {@code logStreamTimeout}; a client that goes away ends its follow at the next line.
 */
class LogStreams {

    private final ContainerActions containers;
    private final ApplianceLog appliance;
    private final LogsProperties limits;
    private final ExecutorService pool;
    private final Semaphore open;

    LogStreams(ContainerActions containers, ApplianceLog appliance, LogsProperties limits, ExecutorService pool) {
        this.containers = containers;
        this.appliance = appliance;
        this.limits = limits;
        this.pool = pool;
        this.open = new Semaphore(limits.streams());
    }

    /** @throws IllegalStateException when every stream is in use */
    SseEmitter open(String source) {
        if (!open.tryAcquire()) {
            throw new IllegalStateException(limits.streams() + " log streams are open already; close one first");
        }
        SseEmitter emitter = new SseEmitter(limits.streamTimeout().toMillis());
        long deadline = System.nanoTime() + limits.streamTimeout().toNanos();
        try {
            pool.execute(() -> {
                try {
                    if (LogSources.APPLIANCE.equals(source)) {
                        followAppliance(emitter, deadline);
                    } else {
                        followContainer(source, emitter, deadline);
                    }
                    emitter.complete();
                } catch (IOException | RuntimeException gone) {
                    emitter.completeWithError(gone);
                } finally {
                    open.release();
                }
            });
        } catch (RuntimeException full) {
            open.release();
            throw new IllegalStateException("no log stream can be opened now");
        }
        return emitter;
    }

    private void followContainer(String service, SseEmitter emitter, long deadline) throws IOException {
        try (LogFollow follow = containers.followLogs(service, 50)) {
            while (System.nanoTime() < deadline && !follow.finished()) {
                Optional<LogLine> line = follow.next(Duration.ofSeconds(1));
                if (line.isPresent()) {
                    LogLine l = line.get();
                    emitter.send(SseEmitter.event().name("line").data(l.timestamp() + " " + l.stream() + " " + l.text()));
                } else {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                }
            }
        }
    }

    private void followAppliance(SseEmitter emitter, long deadline) throws IOException {
        for (String line : appliance.tail(50)) {
            emitter.send(SseEmitter.event().name("line").data(line));
        }
        long position = appliance.size();
        while (System.nanoTime() < deadline) {
            ApplianceLog.Appended appended = appliance.since(position);
            position = appended.next();
            for (String line : appended.lines()) {
                emitter.send(SseEmitter.event().name("line").data(line));
            }
            if (appended.lines().isEmpty()) {
                emitter.send(SseEmitter.event().comment("keep-alive"));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
