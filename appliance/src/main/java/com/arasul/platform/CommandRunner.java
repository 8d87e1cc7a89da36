package com.arasul.platform;

import java.time.Duration;
import java.util.List;

/**
 * The one way the appliance runs a host command ({@code nvidia-smi}, {@code jetson_clocks},
 * {@code nvpmodel}, a reboot, ...). Every call has a timeout; tests replace the runner with one
 * that replays recorded outputs, so the same parsing code runs against fixtures.
 */
@FunctionalInterface
public interface CommandRunner {

    CommandResult run(List<String> command, Duration timeout);

    /**
     * @param exitCode the process' exit code, or -1 when it could not be started or timed out
     * @param stdout what it printed, cut at a bounded size
     * @param stderr its error output, or why it could not run
     */
    record CommandResult(int exitCode, String stdout, String stderr, boolean timedOut) {

        public static CommandResult failedToStart(String why) {
            return new CommandResult(-1, "", why, false);
        }

        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }
}
