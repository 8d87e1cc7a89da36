package com.arasul.ai.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;

/**
 * One streamed answer of Ollama, read line by line (NDJSON). A watchdog closes it when no line came
 * for the idle timeout; closing it (done, failed, or the client went away) drops the connection, so
 * Ollama stops generating. Its slot in the gateway is given back on close.
 */
final class Upstream implements AutoCloseable {

    private final InputStream body;
    private final BufferedReader lines;
    private final Duration idleTimeout;
    private final Runnable onClose;
    private final ScheduledFuture<?> watchdog;
    private volatile long lastRead = System.nanoTime();
    private volatile boolean idle;
    private volatile boolean closed;

    Upstream(InputStream body, Duration idleTimeout, ScheduledExecutorService watchdogs, Runnable onClose) {
        this.body = body;
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.idleTimeout = idleTimeout;
        this.onClose = onClose;
        long period = Math.max(50, Math.min(1000, idleTimeout.toMillis() / 4));
        this.watchdog = watchdogs.scheduleWithFixedDelay(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** The next line, or null at the end of the answer; throws when the answer stalled past the idle timeout. */
    String nextLine() {
        String line;
        try {
            do {
                line = lines.readLine();
                lastRead = System.nanoTime();
            } while (line != null && line.isBlank());
        } catch (IOException e) {
            if (!idle) {
                throw new LlmFailure(HttpStatus.BAD_GATEWAY, "the language model broke off its answer");
            }
            line = null;
        }
        if (idle) {
            throw new LlmFailure(HttpStatus.GATEWAY_TIMEOUT, "the language model stopped answering for "
                    + Math.max(1, idleTimeout.toSeconds()) + " s");
        }
        return line;
    }

    private void checkIdle() {
        if (System.nanoTime() - lastRead > idleTimeout.toNanos()) {
            idle = true;
            close();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        watchdog.cancel(false);
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        } finally {
            onClose.run();
        }
    }
}
