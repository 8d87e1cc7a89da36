package com.arasul.system.internal;

import com.arasul.system.SystemProperties;
import com.arasul.system.SystemStatus;
import com.arasul.system.SystemStatus.Level;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges one sample against the thresholds. A value that was not measured is reported as unknown
 * (a WARNING), never taken for a good one.
 */
public final class StatusEvaluator {

    private static final String DISK_PREFIX = MetricNames.diskPercent("");

    private final SystemProperties properties;

    public StatusEvaluator(SystemProperties properties) {
        this.properties = properties;
    }

    public SystemStatus evaluate(Optional<MetricSample> newest, Instant now) {
        if (newest.isEmpty()) {
            return new SystemStatus(now, Level.WARNING,
                    List.of("No sample yet: the appliance has not measured the box since it started."), null);
        }
        MetricSample sample = newest.get();
        Verdict verdict = new Verdict();
        judgeAge(sample, now, verdict);
        judgeDisks(sample, verdict);
        judgeMemory(sample, verdict);
        judgeTemperature(sample, verdict);
        if (verdict.reasons.isEmpty()) {
            verdict.reasons.add("Disk, memory and temperature are within their limits.");
        }
        return new SystemStatus(now, verdict.level, List.copyOf(verdict.reasons), sample.timestamp());
    }

    /** The status with the reasons other capabilities add, at the worst of their levels. */
    public SystemStatus with(SystemStatus status, List<com.arasul.system.StatusContributor.Reason> added) {
        if (added.isEmpty()) {
            return status;
        }
        Level level = status.status();
        List<String> reasons = new ArrayList<>(status.reasons());
        for (var reason : added) {
            level = level.worst(reason.level());
            reasons.add(reason.sentence());
        }
        return new SystemStatus(status.timestamp(), level, List.copyOf(reasons), status.sampledAt());
    }

    private void judgeAge(MetricSample sample, Instant now, Verdict verdict) {
        Duration age = Duration.between(sample.timestamp(), now);
        if (age.compareTo(properties.staleAfter()) > 0) {
            verdict.add(Level.WARNING, "The newest sample is %d seconds old: measuring may have stopped."
                    .formatted(age.toSeconds()));
        }
    }

    private void judgeDisks(MetricSample sample, Verdict verdict) {
        Map<String, Double> disks = new TreeMap<>();
        sample.values().forEach((metric, value) -> {
            if (metric.startsWith(DISK_PREFIX)) {
                disks.put(metric.substring(DISK_PREFIX.length()), value);
            }
        });
        if (disks.isEmpty()) {
            verdict.add(Level.WARNING, "Disk usage is unknown: no disk could be measured.");
            return;
        }
        SystemProperties.Disk limits = properties.thresholds().disk();
        disks.forEach((mount, percent) -> {
            String full = "Disk %s is %s %% full".formatted(mount, number(percent));
            if (percent >= limits.reboot()) {
                verdict.add(Level.CRITICAL, full + ": the box may have to reboot; free space now.");
            } else if (percent >= limits.critical()) {
                verdict.add(Level.CRITICAL, full + ": writing may fail soon; free space now.");
            } else if (percent >= limits.cleanup()) {
                verdict.add(Level.WARNING, full + ": old data should be cleaned up.");
            } else if (percent >= limits.warn()) {
                verdict.add(Level.WARNING, full + ".");
            }
        });
    }

    private void judgeMemory(MetricSample sample, Verdict verdict) {
        Optional<Double> ram = sample.value(MetricNames.RAM_PERCENT);
        if (ram.isEmpty()) {
            verdict.add(Level.WARNING, "Memory usage is unknown: it could not be measured.");
            return;
        }
        SystemProperties.Memory limits = properties.thresholds().memory();
        double percent = ram.get();
        if (percent > limits.critical()) {
            verdict.add(Level.CRITICAL, "Memory is %s %% used: services may be stopped for lack of memory."
                    .formatted(number(percent)));
        } else if (percent > limits.warn()) {
            verdict.add(Level.WARNING, "Memory is %s %% used.".formatted(number(percent)));
        }
    }

    private void judgeTemperature(MetricSample sample, Verdict verdict) {
        Optional<Double> hottest = sample.value(MetricNames.TEMPERATURE_MAX_CELSIUS)
                .map(t -> Math.max(t, sample.value(MetricNames.GPU_TEMPERATURE_CELSIUS).orElse(t)))
                .or(() -> sample.value(MetricNames.GPU_TEMPERATURE_CELSIUS));
        if (hottest.isEmpty()) {
            verdict.add(Level.WARNING, "The temperature is unknown: no sensor could be read.");
            return;
        }
        SystemProperties.Temperature limits = properties.thresholds().temperature();
        double celsius = hottest.get();
        if (celsius > limits.critical()) {
            verdict.add(Level.CRITICAL, "The box is %s °C hot: it will slow down or switch off to protect itself."
                    .formatted(number(celsius)));
        } else if (celsius > limits.warn()) {
            verdict.add(Level.WARNING, "The box is %s °C warm: check its cooling and air flow."
                    .formatted(number(celsius)));
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static final class Verdict {

        private Level level = Level.OK;
        private final List<String> reasons = new ArrayList<>();

        void add(Level reasonLevel, String reason) {
            level = level.worst(reasonLevel);
            reasons.add(reason);
        }
    }
}
