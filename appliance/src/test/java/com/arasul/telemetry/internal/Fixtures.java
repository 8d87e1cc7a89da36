package com.arasul.telemetry.internal;

import com.arasul.platform.CommandRunner;
import com.arasul.platform.CommandRunner.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Recorded host state for the probe tests: fixture trees and recorded command outputs. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replays one result for every command and remembers what was run. */
    static final class RecordedCommands implements CommandRunner {

        final List<List<String>> calls = new ArrayList<>();
        private Supplier<CommandResult> next;

        RecordedCommands answering(String stdout) {
            next = () -> new CommandResult(0, stdout, "", false);
            return this;
        }

        RecordedCommands failing(int exitCode, String stderr) {
            next = () -> new CommandResult(exitCode, "", stderr, false);
            return this;
        }

        RecordedCommands timingOut() {
            next = () -> new CommandResult(-1, "", "nvidia-smi timed out", true);
            return this;
        }

        @Override
        public synchronized CommandResult run(List<String> command, Duration timeout) {
            calls.add(command);
            return next.get();
        }
    }
}
