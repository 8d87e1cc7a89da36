package com.arasul.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.host.internal.HostProperties;
import com.arasul.platform.ActionOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GPU reset through recorded {@code nvidia-smi} outputs. */
class GpuControlTests {

    private static final List<String> RESET_GPU_0 = List.of("nvidia-smi", "--gpu-reset", "-i", "0");

    private final RecordedCommandRunner runner = new RecordedCommandRunner();

    @Test
    void resetsTheConfiguredGpuWithNvidiaSmi() {
        runner.replay(RESET_GPU_0, 0, "nvidia-smi-gpu-reset-success.txt");

        ActionOutcome outcome = gpu(Map.of("arasul.host.platform", "dgpu", "arasul.host.gpu-index", "0")).resetGpu();

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.message()).isEqualTo("GPU reset done: GPU 00000000:01:00.0 was successfully reset. All done.");
        assertThat(runner.calls()).containsExactly(new RecordedCommandRunner.Call(RESET_GPU_0, Duration.ofSeconds(30)));
    }

    @Test
    void resetsEveryGpuWhenNoIndexIsConfigured() {
        runner.replay(List.of("/usr/bin/nvidia-smi", "--gpu-reset"), 0, "nvidia-smi-gpu-reset-success.txt");

        ActionOutcome outcome = gpu(Map.of("arasul.host.platform", "dgpu",
                "arasul.host.nvidia-smi", "/usr/bin/nvidia-smi")).resetGpu();

        assertThat(outcome.success()).isTrue();
        assertThat(runner.commandLines()).containsExactly(List.of("/usr/bin/nvidia-smi", "--gpu-reset"));
    }

    @Test
    void reportsAGpuStillHeldByAProcess() {
        runner.replay(RESET_GPU_0, 255, "nvidia-smi-gpu-reset-in-use.txt");

        ActionOutcome outcome = gpu(Map.of("arasul.host.platform", "dgpu", "arasul.host.gpu-index", "0")).resetGpu();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).startsWith(
                "GPU reset failed (exit 255): GPU 00000000:01:00.0 is currently in use by another process. 1 device is");
    }

    @Test
    void aResetThatHangsIsAFailedOutcomeAtTheTimeout() {
        runner.hangs(RESET_GPU_0);

        ActionOutcome outcome = gpu(Map.of("arasul.host.platform", "dgpu", "arasul.host.gpu-index", "0",
                "arasul.host.command-timeout", "5s")).resetGpu();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("GPU reset did not finish within 5.0 s (nvidia-smi --gpu-reset -i 0)");
        assertThat(runner.calls()).extracting(RecordedCommandRunner.Call::timeout).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aMissingNvidiaSmiIsAFailedOutcome() {
        ActionOutcome outcome = gpu(Map.of("arasul.host.platform", "dgpu")).resetGpu();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).startsWith("GPU reset could not run: nvidia-smi could not be started");
    }

    @Test
    void isNotSupportedOnAJetson() {
        ActionOutcome outcome = gpu(Map.of("arasul.host.platform", "jetson")).resetGpu();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).startsWith("GPU reset is not supported on this device: a Jetson's GPU")
                .endsWith("restart the LLM service instead");
        assertThat(runner.calls()).isEmpty();
    }

    @Test
    void isNotSupportedWithoutAnNvidiaGpu() {
        ActionOutcome outcome = gpu(Map.of("arasul.host.platform", "none")).resetGpu();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("GPU reset is not supported on this device: no NVIDIA GPU was found");
        assertThat(runner.calls()).isEmpty();
    }

    private GpuControl gpu(Map<String, String> settings) {
        HostProperties properties = HostTestProperties.bind(new HashMap<>(settings));
        return new GpuControl(new HostDevice(properties), properties, runner);
    }
}
