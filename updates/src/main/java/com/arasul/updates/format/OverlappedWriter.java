package com.arasul.updates.format;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes one buffer to staging on its own thread while the caller reads and hashes the next, so
 * staging costs (almost) no time beside hashing. At most one write is ever outstanding.
 */
final class OverlappedWriter implements AutoCloseable {

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1), r -> Thread.ofPlatform().daemon().name("araupdate-staging").unstarted(r));
    private Future<?> pending;

    /** Waits for the previous write, then starts writing all of {@code buffer} to {@code out}. */
    void write(FileChannel out, ByteBuffer buffer) throws IOException {
        await();
        pending = thread.submit(() -> {
            while (buffer.hasRemaining()) out.write(buffer);
            return null;
        });
    }

    /** Waits until the outstanding write, if any, is done; its failure is rethrown here. */
    void await() throws IOException {
        if (pending == null) return;
        Future<?> done = pending;
        pending = null;
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("writing to staging failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing to staging");
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
