package com.arasul.host.internal;

import com.arasul.platform.ActionOutcome;
import com.arasul.platform.CommandRunner;
import com.arasul.platform.CommandRunner.CommandResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one host command with the configured timeout and says in a sentence how it went. */
public final class HostCommands {

    private static final Logger log = LoggerFactory.getLogger(HostCommands.class);
    private static final int MAX_EXCERPT = 300;

    /** What a command printed and how long it took. */
    public record Ran(List<String> command, CommandResult result, Duration took) {
    }

    private final CommandRunner runner;
    private final Duration timeout;

    public HostCommands(CommandRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    public Ran run(List<String> command) {
        long start = System.nanoTime();
        CommandResult result;
        try {
            result = runner.run(command, timeout);
        } catch (RuntimeException e) {
            // a runner is not supposed to throw; if one does, it is still only a failed action
            result = CommandResult.failedToStart(command.getFirst() + " could not be run: " + e.getClass().getSimpleName());
        }
        return new Ran(List.copyOf(command), result, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Runs the command and turns its result into an outcome; {@code what} names the action, e.g. "GPU reset". */
    public ActionOutcome execute(String what, List<String> command) {
        return outcome(what, run(command));
    }

    public ActionOutcome outcome(String what, Ran ran) {
        CommandResult result = ran.result();
        String line = String.join(" ", ran.command());
        ActionOutcome outcome;
        if (result.timedOut()) {
            outcome = ActionOutcome.failed(what + " did not finish within " + human(timeout) + " (" + line + ")", ran.took());
        } else if (result.exitCode() == 0) {
            String said = excerpt(result.stdout());
            outcome = ActionOutcome.succeeded(what + " done" + (said.isEmpty() ? "" : ": " + said), ran.took());
        } else if (result.exitCode() < 0) {
            outcome = ActionOutcome.failed(what + " could not run: " + excerpt(result.stderr()), ran.took());
        } else {
            String said = excerpt(result.stdout() + "\n" + result.stderr());
            outcome = ActionOutcome.failed(what + " failed (exit " + result.exitCode() + ")"
                    + (said.isEmpty() ? "" : ": " + said), ran.took());
        }
        if (outcome.success()) {
            log.info("{}: {}", line, outcome.message());
        } else {
            log.warn("{}: {}", line, outcome.message());
        }
        return outcome;
    }

    /** The first lines that say something, on one line, cut to a readable length. */
    static String excerpt(String output) {
        String flat = output == null ? "" : output.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("\\s+", " ");
        return flat.length() > MAX_EXCERPT ? flat.substring(0, MAX_EXCERPT) + "…" : flat;
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
