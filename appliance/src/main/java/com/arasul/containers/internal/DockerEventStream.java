package com.arasul.containers.internal;

import com.arasul.containers.ServiceLabels;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Docker events stream of labelled containers open: when it breaks (the daemon went
 * away, or the state poll found it hung) the daemon is reported down and the stream is opened
 * again after an exponential back-off with jitter. On reconnect it asks for the events since the
 * last one it saw, so a {@code die} during the gap is not lost.
 */
public final class DockerEventStream {

    private static final Logger log = LoggerFactory.getLogger(DockerEventStream.class);

    private final DockerConnection docker;
    private final DaemonStatus status;
    private final Backoff backoff;
    private final Consumer<Event> sink;
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Closeable current;
    private volatile long lastEventNanos;

    public DockerEventStream(DockerConnection docker, DaemonStatus status, Duration initialBackoff,
            Duration maxBackoff, Consumer<Event> sink) {
        this.docker = docker;
        this.status = status;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
        this.sink = sink;
        status.onDown(this::dropConnection);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("docker-events").start(this::run);
    }

    public synchronized void stop() {
        running = false;
        dropConnection();
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                streamUntilItBreaks();
                if (running) {
                    status.markDown("the Docker events stream ended");
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException broken) {
                if (running) {
                    status.markDown(describe(broken));
                }
            }
            if (!running) {
                return;
            }
            try {
                Duration delay = backoff.nextDelay();
                log.debug("reconnecting to the Docker events stream in {} ms", delay.toMillis());
                Thread.sleep(delay);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void streamUntilItBreaks() throws InterruptedException {
        docker.client().pingCmd().exec();
        var command = docker.streamClient().eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(ServiceLabels.SERVICE)
                // the daemon matches health_status fuzzily, so "health_status: unhealthy" passes too
                .withEventFilter(EventMapping.ACTIONS.toArray(String[]::new));
        long since = lastEventNanos;
        if (since > 0) {
            command.withSince("%d.%09d".formatted(since / 1_000_000_000L, since % 1_000_000_000L));
        }
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var callback = command.exec(new ResultCallback.Adapter<Event>() {
            @Override
            public void onStart(Closeable stream) {
                super.onStart(stream);
                backoff.reset();
                status.markUp();
            }

            @Override
            public void onNext(Event event) {
                deliver(event);
            }

            @Override
            public void onError(Throwable error) {
                // reported once, as the daemon going down, instead of docker-java's stack trace per break
                failure.set(error);
                try {
                    close();
                } catch (IOException ignored) {
                    // broken already
                }
            }
        });
        current = callback;
        if (!running) {
            dropConnection();
        }
        callback.awaitCompletion();
        if (failure.get() != null) {
            throw new DockerUnavailableException(describe(failure.get()), failure.get());
        }
    }

    private void deliver(Event event) {
        Long nanos = event.getTimeNano();
        if (nanos != null) {
            if (nanos <= lastEventNanos) {
                return; // replayed by "since" after a reconnect, already delivered
            }
            lastEventNanos = nanos;
        }
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            log.warn("a Docker event could not be handed on: {}", e.toString());
        }
    }

    private void dropConnection() {
        Closeable stream = current;
        current = null;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a broken stream may fail again; it is gone either way
            }
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e == root ? message : e.getMessage() + " (" + message + ")";
    }
}
