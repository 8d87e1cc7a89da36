package com.arasul.platform.internal;

import com.arasul.platform.CommandRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Runs host commands as child processes: bounded output, a hard timeout, never a shell. */
@Component
class ProcessCommandRunner implements CommandRunner {

    /** Enough for any status output we parse; a runaway command cannot fill the heap. */
    static final int MAX_OUTPUT_BYTES = 256 * 1024;

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        Process process;
        try {
            // DISCARD is for output only; a command reading stdin gets end-of-file from /dev/null
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            return CommandResult.failedToStart(command.getFirst() + " could not be started: " + e.getMessage());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()),
                Thread::startVirtualThread);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()),
                Thread::startVirtualThread);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new CommandResult(-1, out.getNow(""), command.getFirst() + " timed out after " + timeout, true);
            }
            return new CommandResult(process.exitValue(), out.get(2, TimeUnit.SECONDS), err.get(2, TimeUnit.SECONDS),
                    false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new CommandResult(-1, "", "interrupted", true);
        } catch (Exception e) {
            return new CommandResult(process.exitValue(), out.getNow(""), err.getNow(""), false);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                int room = MAX_OUTPUT_BYTES - buffer.size();
                if (room > 0) {
                    buffer.write(chunk, 0, Math.min(room, n));
                }
            }
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
