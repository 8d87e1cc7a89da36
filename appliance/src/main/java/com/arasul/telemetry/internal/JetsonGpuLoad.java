package com.arasul.telemetry.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrated GPU's load from devfreq. The GPU is found as jetson-stats finds it: the devfreq device
 * whose {@code device/of_node/name} names a Tegra GPU (on an AGX Orin {@code 17000000.ga10b} → {@code ga10b}),
 * or, where the device tree is not exposed, a devfreq device named after one.
 */
final class JetsonGpuLoad {

    private static final Logger log = LoggerFactory.getLogger(JetsonGpuLoad.class);

    /** Tegra GPU names: Orin, Xavier, TX2, and the plain name newer kernels use. */
    static final Set<String> GPU_NAMES = Set.of("ga10b", "gv11b", "gp10b", "gm20b", "gb10b", "gpu");

    private final Path loadFile;

    private JetsonGpuLoad(Path loadFile) {
        this.loadFile = loadFile;
    }

    static JetsonGpuLoad find(Path sysfsRoot) {
        for (Path device : SysfsFiles.children(sysfsRoot.resolve("class/devfreq"), "")) {
            if (isGpu(device)) {
                // the load lives beside the GPU device; some kernels also expose it on the devfreq node
                Path load = Files.exists(device.resolve("device/load")) ? device.resolve("device/load")
                        : device.resolve("load");
                log.info("Jetson GPU {} found, load read from {}", device.getFileName(), load);
                return new JetsonGpuLoad(load);
            }
        }
        log.warn("No Jetson GPU below {}/class/devfreq: GPU load stays absent", sysfsRoot);
        return new JetsonGpuLoad(null);
    }

    static boolean isGpu(Path devfreqDevice) {
        Optional<String> ofName = SysfsFiles.text(devfreqDevice.resolve("device/of_node/name"));
        if (ofName.isPresent()) {
            return GPU_NAMES.contains(ofName.get());
        }
        String name = devfreqDevice.getFileName().toString();
        int dot = name.indexOf('.');
        return dot >= 0 && GPU_NAMES.contains(name.substring(dot + 1));
    }

    /** Percent: the kernel counts in tenths of a percent. */
    OptionalDouble percent() {
        if (loadFile == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble raw = SysfsFiles.number(loadFile);
        return raw.isPresent() ? OptionalDouble.of(raw.getAsDouble() / 10.0) : OptionalDouble.empty();
    }
}
