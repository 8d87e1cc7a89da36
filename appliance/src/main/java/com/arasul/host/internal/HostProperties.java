package com.arasul.host.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which host commands the appliance runs and how long it waits for them.
 *
 * @param platform {@code auto} detects the device from the files below; the others force it
 * @param etcRoot where {@code nv_tegra_release} is looked for (a Jetson has it), the host's {@code /etc}
 * @param procRoot where {@code driver/nvidia/version} is looked for (a loaded dGPU driver has it)
 * @param nvidiaSmi the {@code nvidia-smi} command
 * @param gpuIndex the GPU to reset ({@code -i}); null resets every GPU
 * @param jetsonClocks the {@code jetson_clocks} command
 * @param nvpmodel the {@code nvpmodel} command
 * @param throttlePowerMode the power mode that cools a hot Jetson (modes above 0 draw less; 0 is MAXN)
 * @param normalPowerMode the power mode the Jetson runs in otherwise
 * @param rebootCommand the reboot, e.g. {@code nsenter -t 1 -m -u -i -n -p -- systemctl reboot} in a
 *     container that shares the host's PID namespace
 * @param commandTimeout how long any of these commands may take
 */
@Validated
@ConfigurationProperties("arasul.host")
public record HostProperties(
        @NotNull @DefaultValue("auto") PlatformChoice platform,
        @NotNull @DefaultValue("/etc") Path etcRoot,
        @NotNull @DefaultValue("/proc") Path procRoot,
        @NotNull @DefaultValue("nvidia-smi") String nvidiaSmi,
        @Min(0) Integer gpuIndex,
        @NotNull @DefaultValue("jetson_clocks") String jetsonClocks,
        @NotNull @DefaultValue("nvpmodel") String nvpmodel,
        @Min(0) @DefaultValue("1") int throttlePowerMode,
        @Min(0) @DefaultValue("0") int normalPowerMode,
        @NotEmpty @DefaultValue({"systemctl", "reboot"}) List<String> rebootCommand,
        @NotNull @DefaultValue("30s") Duration commandTimeout) {

    public enum PlatformChoice {
        AUTO, JETSON, DGPU, NONE
    }
}
