package com.arasul.host;

import com.arasul.platform.CommandRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replays what host commands printed on real devices (files under {@code src/test/resources/host})
 * and remembers every command line it was asked to run, with its timeout. A command it has no
 * recording for is answered like a tool that is not installed.
 */
final class RecordedCommandRunner implements CommandRunner {

    record Call(List<String> command, Duration timeout) {
    }

    private final Map<List<String>, CommandResult> recordings = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** The command printed the recorded file on stdout and exited with this code. */
    RecordedCommandRunner replay(List<String> command, int exitCode, String recording) {
        recordings.put(List.copyOf(command), new CommandResult(exitCode, read(recording), "", false));
        return this;
    }

    /** The command printed nothing and exited with this code. */
    RecordedCommandRunner silent(List<String> command, int exitCode) {
        recordings.put(List.copyOf(command), new CommandResult(exitCode, "", "", false));
        return this;
    }

    /** The command hung and was killed at its timeout, as {@code ProcessCommandRunner} reports it. */
    RecordedCommandRunner hangs(List<String> command) {
        recordings.put(List.copyOf(command),
                new CommandResult(-1, "", command.getFirst() + " timed out after the timeout", true));
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<List<String>> commandLines() {
        return calls.stream().map(Call::command).toList();
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        calls.add(new Call(List.copyOf(command), timeout));
        CommandResult recorded = recordings.get(command);
        return recorded != null ? recorded : CommandResult.failedToStart(command.getFirst()
                + " could not be started: Cannot run program \"" + command.getFirst()
                + "\": error=2, No such file or directory");
    }

    private static String read(String recording) {
        try (InputStream in = RecordedCommandRunner.class.getResourceAsStream("/host/" + recording)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + recording);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
