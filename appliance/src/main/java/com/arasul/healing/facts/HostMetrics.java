package com.arasul.healing.facts;

import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import java.util.Map;

/**
 * One metric sample as the rules see it. A value that could not be read is {@code null}, never 0,
 * so a rule must say {@code cpuPercent != null} and no overload rule fires on missing data.
 *
 * @param at when the sample was taken, epoch milliseconds
 * @param temperatureCelsius the hotter of the host's hottest zone and the GPU
 * @param gpuMemoryPercent GPU memory used as a share of the device's total
 * @param diskPercent the fullest mounted file system
 * @param diskMount which file system that is
 */
public record HostMetrics(
        long at,
        Double cpuPercent,
        Double ramPercent,
        Double gpuPercent,
        Double gpuMemoryPercent,
        Double temperatureCelsius,
        Double diskPercent,
        String diskMount) {

    private static final String DISK_PREFIX = MetricNames.diskPercent("");

    public static HostMetrics from(MetricSample sample) {
        Map<String, Double> v = sample.values();
        Double used = v.get(MetricNames.GPU_MEMORY_USED_MB);
        Double total = v.get(MetricNames.GPU_MEMORY_TOTAL_MB);
        Double gpuMemory = used != null && total != null && total > 0 ? used * 100 / total : null;
        Double disk = null;
        String mount = null;
        for (Map.Entry<String, Double> e : v.entrySet()) {
            if (e.getKey().startsWith(DISK_PREFIX) && e.getValue() != null && (disk == null || e.getValue() > disk)) {
                disk = e.getValue();
                mount = e.getKey().substring(DISK_PREFIX.length());
            }
        }
        return new HostMetrics(sample.timestamp().toEpochMilli(), v.get(MetricNames.CPU_PERCENT),
                v.get(MetricNames.RAM_PERCENT), v.get(MetricNames.GPU_PERCENT), gpuMemory,
                max(v.get(MetricNames.TEMPERATURE_MAX_CELSIUS), v.get(MetricNames.GPU_TEMPERATURE_CELSIUS)),
                disk, mount);
    }

    private static Double max(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
