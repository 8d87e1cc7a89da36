package com.arasul.host;

import com.arasul.host.internal.HostCommands;
import com.arasul.host.internal.HostProperties;
import com.arasul.platform.ActionOutcome;
import com.arasul.platform.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Resets a discrete GPU ({@code nvidia-smi --gpu-reset}); a Jetson's GPU cannot be reset on its own. */
@Component
public class GpuControl {

    private final HostDevice device;
    private final HostProperties properties;
    private final HostCommands commands;

    public GpuControl(HostDevice device, HostProperties properties, CommandRunner runner) {
        this.device = device;
        this.properties = properties;
        this.commands = new HostCommands(runner, properties.commandTimeout());
    }

    /**
     * Resets the configured GPU ({@code arasul.host.gpu-index}) or every GPU. It only succeeds when
     * no process holds the GPU, so the LLM service should be stopped first.
     */
    public ActionOutcome resetGpu() {
        return switch (device.platform()) {
            case DGPU -> {
                List<String> command = new ArrayList<>(List.of(properties.nvidiaSmi(), "--gpu-reset"));
                if (properties.gpuIndex() != null) {
                    command.addAll(List.of("-i", properties.gpuIndex().toString()));
                }
                yield commands.execute("GPU reset", command);
            }
            case JETSON -> ActionOutcome.failed("GPU reset is not supported on this device: a Jetson's GPU is part of "
                    + "the SoC and cannot be reset alone; restart the LLM service instead", Duration.ZERO);
            case NONE -> ActionOutcome.failed("GPU reset is not supported on this device: no NVIDIA GPU was found",
                    Duration.ZERO);
        };
    }
}
