package com.arasul.containers.internal;

import com.arasul.containers.LogFollow;
import com.arasul.containers.LogLine;
import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A followed log in a fixed-size buffer: when the reader falls behind, the oldest lines go. */
final class BoundedLogFollow implements LogFollow {

    private final ArrayBlockingQueue<LogLine> buffer;
    private final Runnable onClose;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean ended;
    private volatile Closeable stream;

    BoundedLogFollow(int capacity, Runnable onClose) {
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.onClose = onClose;
    }

    void attach(Closeable stream) {
        this.stream = stream;
        if (closed.get()) {
            closeStream();
        }
    }

    void offer(LogLine line) {
        while (!buffer.offer(line)) {
            if (buffer.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    void end() {
        ended = true;
    }

    @Override
    public Optional<LogLine> next(Duration timeout) {
        try {
            return Optional.ofNullable(buffer.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public boolean finished() {
        return (ended || closed.get()) && buffer.isEmpty();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeStream();
            onClose.run();
        }
    }

    private void closeStream() {
        Closeable s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (Exception ignored) {
                // the follow is over either way
            }
        }
    }
}
