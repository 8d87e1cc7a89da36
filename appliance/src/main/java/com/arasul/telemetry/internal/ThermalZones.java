package com.arasul.telemetry.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The kernel's thermal zones ({@code devices/virtual/thermal/thermal_zone*}, {@code type} and {@code temp} in
 * milli-°C). A zone of a switched-off unit (an idle CV cluster on Orin) reads -256 °C: that is absent, not cold.
 */
final class ThermalZones {

    /** jetson-stats' marker of an offline sensor. */
    private static final double OFFLINE_CELSIUS = -256.0;

    private final List<Zone> zones;

    private ThermalZones(List<Zone> zones) {
        this.zones = zones;
    }

    static ThermalZones find(Path sysfsRoot) {
        List<Zone> zones = SysfsFiles.children(sysfsRoot.resolve("devices/virtual/thermal"), "thermal_zone").stream()
                .flatMap(dir -> SysfsFiles.text(dir.resolve("type")).stream()
                        .filter(type -> !type.contains("PMIC")) // a fixed fake value on the TX family
                        .map(type -> new Zone(zoneName(type), dir.resolve("temp"))))
                .toList();
        return new ThermalZones(zones);
    }

    /** {@code cpu-thermal} → {@code cpu}, {@code Tboard_tegra} stays as it is. */
    static String zoneName(String type) {
        return type.endsWith("-thermal") ? type.substring(0, type.length() - "-thermal".length()) : type;
    }

    /** Zone name to °C, only the zones that could be read and are online. */
    Map<String, Double> celsius() {
        Map<String, Double> readings = new LinkedHashMap<>();
        for (Zone zone : zones) {
            OptionalDouble milli = SysfsFiles.number(zone.temp());
            if (milli.isPresent() && milli.getAsDouble() / 1000.0 > OFFLINE_CELSIUS) {
                readings.putIfAbsent(zone.name(), milli.getAsDouble() / 1000.0);
            }
        }
        return readings;
    }

    int count() {
        return zones.size();
    }

    private record Zone(String name, Path temp) {
    }
}
