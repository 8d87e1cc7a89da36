package com.arasul.telemetry;

/**
 * The names of the metrics in a {@link MetricSample}, also the {@code metric} column of the
 * {@code metrics} table and the series names of the history API. Per-instance metrics carry their
 * instance after a colon: {@code disk.percent:/data}, {@code power.watts:VDD_GPU_SOC}.
 */
public final class MetricNames {

    public static final String CPU_PERCENT = "cpu.percent";
    public static final String RAM_PERCENT = "ram.percent";
    public static final String RAM_USED_BYTES = "ram.used_bytes";
    public static final String RAM_TOTAL_BYTES = "ram.total_bytes";
    public static final String SWAP_PERCENT = "swap.percent";
    public static final String LOAD_1M = "load.1m";
    public static final String LOAD_5M = "load.5m";
    public static final String LOAD_15M = "load.15m";
    /** The hottest thermal zone of the host. */
    public static final String TEMPERATURE_MAX_CELSIUS = "temperature.max.celsius";
    public static final String GPU_PERCENT = "gpu.percent";
    public static final String GPU_MEMORY_USED_MB = "gpu.memory.used_mb";
    public static final String GPU_MEMORY_TOTAL_MB = "gpu.memory.total_mb";
    public static final String GPU_TEMPERATURE_CELSIUS = "gpu.temperature.celsius";
    /** Total board power. */
    public static final String POWER_WATTS = "power.watts";
    public static final String NET_RX_BYTES_PER_SECOND = "net.rx_bytes_per_s";
    public static final String NET_TX_BYTES_PER_SECOND = "net.tx_bytes_per_s";
    public static final String UPTIME_SECONDS = "uptime.seconds";

    private MetricNames() {
    }

    public static String diskPercent(String mount) {
        return "disk.percent:" + mount;
    }

    public static String diskUsedBytes(String mount) {
        return "disk.used_bytes:" + mount;
    }

    public static String diskFreeBytes(String mount) {
        return "disk.free_bytes:" + mount;
    }

    public static String temperature(String zone) {
        return "temperature.celsius:" + zone;
    }

    public static String powerRail(String rail) {
        return "power.watts:" + rail;
    }
}
