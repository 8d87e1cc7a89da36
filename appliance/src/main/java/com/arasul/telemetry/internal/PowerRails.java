package com.arasul.telemetry.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board's INA3221 power monitors, read as jetson-stats reads them (JetPack 5 and newer): every I²C device
 * named {@code ina3221} has {@code hwmon/hwmon*}/{@code in<N>_label}, {@code in<N>_input} (mV) and
 * {@code curr<N>_input} (mA). Channels labelled {@code NC} are not connected and channel 7 is the sum of shunt
 * voltages: both are skipped.
 */
final class PowerRails {

    private static final Pattern LABEL = Pattern.compile("in(\\d+)_label");
    /** Boards that measure their input directly; elsewhere the total is the sum of the rails. */
    private static final List<String> INPUT_RAILS = List.of("VDD_IN", "POM_5V_IN");

    private final List<Rail> rails;

    private PowerRails(List<Rail> rails) {
        this.rails = rails;
    }

    static PowerRails find(Path sysfsRoot) {
        List<Rail> rails = new ArrayList<>();
        for (Path device : SysfsFiles.children(sysfsRoot.resolve("bus/i2c/devices"), "")) {
            if (!SysfsFiles.text(device.resolve("name")).orElse("").contains("ina3221")) {
                continue;
            }
            for (Path hwmon : SysfsFiles.children(device.resolve("hwmon"), "hwmon")) {
                for (Path file : SysfsFiles.children(hwmon, "in")) {
                    Matcher label = LABEL.matcher(file.getFileName().toString());
                    if (!label.matches() || label.group(1).equals("7")) {
                        continue;
                    }
                    String name = SysfsFiles.text(file).orElse("NC");
                    if (!name.equals("NC")) {
                        String n = label.group(1);
                        rails.add(new Rail(name, hwmon.resolve("in" + n + "_input"), hwmon.resolve("curr" + n + "_input")));
                    }
                }
            }
        }
        return new PowerRails(List.copyOf(rails));
    }

    /** Rail name to watts, only rails whose voltage and current could both be read. */
    Map<String, Double> watts() {
        Map<String, Double> readings = new LinkedHashMap<>();
        for (Rail rail : rails) {
            OptionalDouble millivolts = SysfsFiles.number(rail.voltage());
            OptionalDouble milliamps = SysfsFiles.number(rail.current());
            if (millivolts.isPresent() && milliamps.isPresent()) {
                readings.put(rail.name(), millivolts.getAsDouble() * milliamps.getAsDouble() / 1_000_000.0);
            }
        }
        return readings;
    }

    /** The board's input when it is measured, else the sum of the rails; absent when no rail could be read. */
    static OptionalDouble total(Map<String, Double> watts) {
        for (String input : INPUT_RAILS) {
            if (watts.containsKey(input)) {
                return OptionalDouble.of(watts.get(input));
            }
        }
        return watts.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(watts.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    int count() {
        return rails.size();
    }

    private record Rail(String name, Path voltage, Path current) {
    }
}
