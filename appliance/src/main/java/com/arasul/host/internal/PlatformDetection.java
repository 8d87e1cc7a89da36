package com.arasul.host.internal;

import com.arasul.host.HostPlatform;
import java.nio.file.Files;

/** Tells a Jetson from a dGPU box the way telemetry does: by files the NVIDIA software leaves. */
public final class PlatformDetection {

    private PlatformDetection() {
    }

    public static HostPlatform detect(HostProperties properties) {
        return switch (properties.platform()) {
            case JETSON -> HostPlatform.JETSON;
            case DGPU -> HostPlatform.DGPU;
            case NONE -> HostPlatform.NONE;
            case AUTO -> {
                if (Files.isRegularFile(properties.etcRoot().resolve("nv_tegra_release"))) {
                    yield HostPlatform.JETSON;
                }
                yield Files.isRegularFile(properties.procRoot().resolve("driver/nvidia/version"))
                        ? HostPlatform.DGPU : HostPlatform.NONE;
            }
        };
    }
}
