package com.arasul.telemetry.internal;

import com.arasul.platform.CommandRunner;
import com.arasul.telemetry.internal.TelemetryProperties.GpuMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the GPU adapter: the configured one, or with {@code auto} a Jetson when its release file or GPU
 * devfreq node is there, else {@code nvidia-smi} when it answers, else none.
 */
final class GpuProbes {

    private static final Logger log = LoggerFactory.getLogger(GpuProbes.class);

    private GpuProbes() {
    }

    static GpuProbe select(TelemetryProperties properties, CommandRunner runner, Clock clock) {
        GpuMode mode = properties.gpu();
        if (mode == GpuMode.AUTO) {
            mode = isJetson(properties) ? GpuMode.JETSON
                    : nvidiaSmiAnswers(properties, runner) ? GpuMode.NVIDIA : GpuMode.NONE;
            log.info("GPU adapter detected: {}", mode.name().toLowerCase());
        }
        return switch (mode) {
            case JETSON -> new JetsonGpuProbe(properties.sysfsRoot());
            case NVIDIA -> new NvidiaSmiGpuProbe(runner, properties.nvidiaSmi(), properties.commandTimeout(),
                    properties.gpuRetryDelay(), clock);
            case NONE, AUTO -> new NoGpuProbe();
        };
    }

    static boolean isJetson(TelemetryProperties properties) {
        if (Files.isRegularFile(properties.etcRoot().resolve("nv_tegra_release"))) {
            return true;
        }
        Path devfreq = properties.sysfsRoot().resolve("class/devfreq");
        return SysfsFiles.children(devfreq, "").stream().anyMatch(JetsonGpuLoad::isGpu);
    }

    private static boolean nvidiaSmiAnswers(TelemetryProperties properties, CommandRunner runner) {
        try {
            return runner.run(List.of(properties.nvidiaSmi(), "-L"), properties.commandTimeout()).succeeded();
        } catch (RuntimeException e) {
            // detection must never keep the appliance from starting
            log.warn("Could not run {} to look for an NVIDIA GPU: {}", properties.nvidiaSmi(), e.toString());
            return false;
        }
    }
}
