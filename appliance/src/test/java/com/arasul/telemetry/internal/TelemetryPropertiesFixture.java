package com.arasul.telemetry.internal;

import com.arasul.telemetry.internal.TelemetryProperties.GpuMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Telemetry properties with the defaults, for tests that build probes by hand. */
final class TelemetryPropertiesFixture {

    private TelemetryPropertiesFixture() {
    }

    static TelemetryProperties with(GpuMode gpu, Path sysfsRoot, Path etcRoot) {
        return new TelemetryProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), List.of(), gpu, sysfsRoot,
                etcRoot, "nvidia-smi", Duration.ofSeconds(2), Duration.ofSeconds(30),
                new TelemetryProperties.Buffer(20_000, 500, Duration.ofSeconds(2)),
                new TelemetryProperties.LiveStream(16, Duration.ofSeconds(5), 262_144));
    }
}
