package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.MovableClock;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.internal.Fixtures.RecordedCommands;
import com.arasul.telemetry.internal.TelemetryProperties.GpuMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The nvidia-smi adapter parses recorded outputs through the same code that runs the real command. */
@ExtendWith(OutputCaptureExtension.class)
class NvidiaSmiGpuProbeTests {

    private final RecordedCommands commands = new RecordedCommands();
    private final MovableClock clock = new MovableClock();
    private final NvidiaSmiGpuProbe probe = new NvidiaSmiGpuProbe(commands, "/usr/bin/nvidia-smi",
            Duration.ofSeconds(2), Duration.ofSeconds(30), clock);

    @Test
    void asksForTheFiveFieldsWithoutHeaderOrUnits() {
        commands.answering(Fixtures.text("nvidia-smi/rtx-a2000.csv"));
        probe.read();
        assertThat(commands.calls).containsExactly(List.of("/usr/bin/nvidia-smi",
                "--query-gpu=utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw",
                "--format=csv,noheader,nounits"));
    }

    @Test
    void readsUtilisationMemoryTemperatureAndPower() {
        commands.answering(Fixtures.text("nvidia-smi/rtx-a2000.csv"));
        assertThat(probe.read()).containsEntry(MetricNames.GPU_PERCENT, 37.0)
                .containsEntry(MetricNames.GPU_MEMORY_USED_MB, 1843.0)
                .containsEntry(MetricNames.GPU_MEMORY_TOTAL_MB, 6138.0)
                .containsEntry(MetricNames.GPU_TEMPERATURE_CELSIUS, 52.0)
                .containsEntry(MetricNames.POWER_WATTS, 24.63);
    }

    @Test
    void leavesFieldsTheDriverCannotReportAbsentInsteadOfZero() {
        commands.answering(Fixtures.text("nvidia-smi/na-fields.csv"));
        assertThat(probe.read()).doesNotContainKeys(MetricNames.GPU_PERCENT, MetricNames.POWER_WATTS)
                .containsEntry(MetricNames.GPU_MEMORY_USED_MB, 1021.0)
                .containsEntry(MetricNames.GPU_TEMPERATURE_CELSIUS, 41.0);
    }

    @Test
    void treatsNotSupportedAndUnknownErrorLikeNotAvailable() {
        commands.answering(Fixtures.text("nvidia-smi/not-supported.csv"));
        assertThat(probe.read()).containsEntry(MetricNames.GPU_PERCENT, 0.0)
                .containsEntry(MetricNames.GPU_MEMORY_TOTAL_MB, 23028.0)
                .doesNotContainKeys(MetricNames.GPU_TEMPERATURE_CELSIUS, MetricNames.POWER_WATTS);
    }

    @Test
    void reportsTheGpuAbsentWhenTheCommandFailsAndLogsThatOnce(CapturedOutput output) {
        commands.failing(9, "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");
        for (int i = 0; i < 5; i++) {
            assertThat(probe.read()).isEmpty();
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(commands.calls).hasSize(5);
        assertThat(output.getAll().split("nvidia-smi failed", -1)).hasSize(2);
        assertThat(output.getAll()).contains("couldn't communicate with the NVIDIA driver");
    }

    @Test
    void waitsTheRetryDelayAfterATimeoutSoAHungDriverCannotStallSampling() {
        commands.timingOut();
        assertThat(probe.read()).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(probe.read()).isEmpty();
        assertThat(commands.calls).as("no second call within the retry delay").hasSize(1);

        commands.answering(Fixtures.text("nvidia-smi/rtx-a2000.csv"));
        clock.advance(Duration.ofSeconds(21));
        assertThat(probe.read()).containsEntry(MetricNames.GPU_PERCENT, 37.0);
    }

    @Test
    void treatsOutputOfAnotherShapeAsAFailure() {
        commands.answering("No devices were found\n");
        assertThat(probe.read()).isEmpty();
    }

    @Test
    void autoSelectsNvidiaWhereThereIsNoJetsonButNvidiaSmiAnswers(@TempDir Path root) {
        commands.answering("GPU 0: NVIDIA RTX A2000 (UUID: GPU-5f0e...)");
        var properties = TelemetryPropertiesFixture.with(GpuMode.AUTO, root.resolve("sys"), root.resolve("etc"));
        assertThat(GpuProbes.select(properties, commands, clock).name()).isEqualTo("nvidia");
        assertThat(commands.calls.getFirst()).containsExactly("nvidia-smi", "-L");
    }

    @Test
    void autoSelectsNoGpuWhenNeitherAnswersAndReportsTheGpuAbsentNotIdle(@TempDir Path root) {
        commands.failing(-1, "nvidia-smi could not be started: No such file or directory");
        var properties = TelemetryPropertiesFixture.with(GpuMode.AUTO, root.resolve("sys"), root.resolve("etc"));
        GpuProbe probe = GpuProbes.select(properties, commands, clock);
        assertThat(probe.name()).isEqualTo("none");
        assertThat(probe.read()).isEmpty();
        var sample = new Sampler(java.util.Map::of, probe, clock).get();
        assertThat(sample.value(MetricNames.GPU_PERCENT)).isEmpty();
    }

    @Test
    void usesTheConfiguredAdapterWithoutDetecting(@TempDir Path root) {
        var properties = TelemetryPropertiesFixture.with(GpuMode.NONE, root, root);
        assertThat(GpuProbes.select(properties, commands, clock).name()).isEqualTo("none");
        assertThat(commands.calls).isEmpty();
    }

    @Test
    void reportsTheGpuAbsentWhenTheRunnerItselfThrows() {
        NvidiaSmiGpuProbe throwing = new NvidiaSmiGpuProbe((command, timeout) -> {
            throw new IllegalStateException("cannot fork");
        }, "nvidia-smi", Duration.ofSeconds(2), Duration.ofSeconds(30), clock);
        assertThat(throwing.read()).isEmpty();
    }
}
