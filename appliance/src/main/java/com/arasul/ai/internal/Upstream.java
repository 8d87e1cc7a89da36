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
 * One streamed answer of Ollama, read line by line (NDJSON). A watchdog drops it when no line came
 * for the idle timeout; closing it before its end (failed, or the client went away) drops the
 * connection, so Ollama stops generating. An answer read to its final chunk is read to its end on
 * close (a moment at most), so its connection serves the next answer. Its slot in the gateway is
 * given back on close.
 */
final class Upstream implements AutoCloseable {

    /** How long closing waits for the end of an answer whose final chunk came. */
    private static final Duration FINISH_WAIT = Duration.ofMillis(200);

    private final InputStream body;
    private final BufferedReader lines;
    private final Runnable drop;
    private final Duration idleTimeout;
    private final Runnable onClose;
    private final ScheduledFuture<?> watchdog;
    private volatile long lastRead = System.nanoTime();
    private volatile long finishBy = Long.MAX_VALUE;
    private volatile boolean idle;
    private volatile boolean answered;
    private volatile boolean ended;
    private volatile boolean closed;

    /**
     * @param body the answer's body
     * @param drop drops the connection at once, without reading the rest
     */
    Upstream(InputStream body, Runnable drop, Duration idleTimeout, ScheduledExecutorService watchdogs, Runnable onClose) {
        this.body = body;
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.drop = drop;
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
        ended = line == null;
        return line;
    }

    /** The final chunk came: what follows is only the end of the answer. */
    void answered() {
        answered = true;
    }

    private void checkIdle() {
        long now = System.nanoTime();
        if (now - lastRead > idleTimeout.toNanos() || now > finishBy) {
            idle = true;
            dropConnection();
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
        try {
            if (answered && !ended && !idle) {
                readToTheEnd();
            }
            if (ended) {
                body.close();
            } else {
                dropConnection();
            }
        } catch (IOException dropped) {
            dropConnection();
        } finally {
            watchdog.cancel(false);
            onClose.run();
        }
    }

    private void readToTheEnd() throws IOException {
        finishBy = System.nanoTime() + FINISH_WAIT.toNanos();
        while (!idle && lines.readLine() != null) {
            // a line after the final chunk says nothing more
        }
        ended = !idle;
    }

    private synchronized void dropConnection() {
        if (!ended) {
            drop.run();
        }
    }
}
