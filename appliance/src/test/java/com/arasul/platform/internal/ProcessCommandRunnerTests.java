package com.arasul.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.platform.CommandRunner.CommandResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real child processes: what telemetry's nvidia-smi probe and the host adapters run through. */
class ProcessCommandRunnerTests {

    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void runsACommandAndCapturesItsOutput() {
        CommandResult result = runner.run(List.of("/bin/echo", "hello"), Duration.ofSeconds(5));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).isEqualTo("hello\n");
    }

    @Test
    void givesACommandThatReadsStdinAnEndOfFileInsteadOfHanging() {
        CommandResult result = runner.run(List.of("/bin/cat"), Duration.ofSeconds(5));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void reportsAMissingExecutableAsFailedToStart() {
        CommandResult result = runner.run(List.of("/no/such/nvidia-smi", "-L"), Duration.ofSeconds(5));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stderr()).contains("could not be started");
    }

    @Test
    void stopsACommandThatTakesLongerThanItsTimeout() {
        CommandResult result = runner.run(List.of("/bin/sleep", "10"), Duration.ofMillis(300));
        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
    }
}
