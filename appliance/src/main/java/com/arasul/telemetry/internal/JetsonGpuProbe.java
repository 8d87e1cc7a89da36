package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jetson's integrated GPU and board sensors, all from sysfs: GPU load from devfreq, thermal zones and the
 * INA3221 power rails. GPU memory is the shared system RAM on a Jetson, with no GPU-only figure in sysfs, so it
 * stays absent instead of being made up.
 */
final class JetsonGpuProbe implements GpuProbe {

    private static final Logger log = LoggerFactory.getLogger(JetsonGpuProbe.class);

    private final JetsonGpuLoad load;
    private final ThermalZones thermalZones;
    private final PowerRails powerRails;

    JetsonGpuProbe(Path sysfsRoot) {
        this.load = JetsonGpuLoad.find(sysfsRoot);
        this.thermalZones = ThermalZones.find(sysfsRoot);
        this.powerRails = PowerRails.find(sysfsRoot);
        log.info("Jetson sensors: {} thermal zones, {} power rails", thermalZones.count(), powerRails.count());
    }

    @Override
    public Map<String, Double> read() {
        Map<String, Double> values = new HashMap<>();
        load.percent().ifPresent(percent -> values.put(MetricNames.GPU_PERCENT, percent));
        thermalZones.celsius().forEach((zone, celsius) -> {
            values.put(MetricNames.temperature(zone), celsius);
            if (zone.equals("gpu")) {
                values.put(MetricNames.GPU_TEMPERATURE_CELSIUS, celsius);
            }
        });
        Map<String, Double> watts = powerRails.watts();
        watts.forEach((rail, value) -> values.put(MetricNames.powerRail(rail), value));
        PowerRails.total(watts).ifPresent(total -> values.put(MetricNames.POWER_WATTS, total));
        return values;
    }

    @Override
    public String name() {
        return "jetson";
    }
}
