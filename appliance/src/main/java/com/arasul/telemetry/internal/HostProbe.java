package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OperatingSystem;

/**
 * The host through OSHI: CPU, memory, swap, load, disks, CPU temperature, network throughput and uptime.
 * Whatever OSHI cannot tell on this host (a negative load average, a 0 °C sensor) is left out.
 */
final class HostProbe {

    private final HardwareAbstractionLayer hardware;
    private final OperatingSystem os;
    private final DiskUsage disks;
    private final NetworkThroughput network;
    private long[] previousTicks;

    HostProbe(SystemInfo system, List<Path> diskMounts) {
        this.hardware = system.getHardware();
        this.os = system.getOperatingSystem();
        this.disks = new DiskUsage(os.getFileSystem(), diskMounts);
        this.network = new NetworkThroughput(hardware);
        this.previousTicks = hardware.getProcessor().getSystemCpuLoadTicks();
    }

    synchronized Map<String, Double> read() {
        Map<String, Double> values = new HashMap<>();
        readCpu(values);
        readMemory(values);
        disks.read(values);
        network.read(values);
        double cpuCelsius = hardware.getSensors().getCpuTemperature();
        if (Double.isFinite(cpuCelsius) && cpuCelsius > 0) {
            values.put(MetricNames.temperature("cpu"), cpuCelsius);
        }
        long uptime = os.getSystemUptime();
        if (uptime > 0) {
            values.put(MetricNames.UPTIME_SECONDS, (double) uptime);
        }
        return values;
    }

    private void readCpu(Map<String, Double> values) {
        CentralProcessor cpu = hardware.getProcessor();
        double load = cpu.getSystemCpuLoadBetweenTicks(previousTicks);
        previousTicks = cpu.getSystemCpuLoadTicks();
        if (Double.isFinite(load) && load >= 0) {
            values.put(MetricNames.CPU_PERCENT, load * 100.0);
        }
        double[] average = cpu.getSystemLoadAverage(3);
        putIfKnown(values, MetricNames.LOAD_1M, average[0]);
        putIfKnown(values, MetricNames.LOAD_5M, average[1]);
        putIfKnown(values, MetricNames.LOAD_15M, average[2]);
    }

    private void readMemory(Map<String, Double> values) {
        GlobalMemory memory = hardware.getMemory();
        long total = memory.getTotal();
        if (total > 0) {
            long used = total - memory.getAvailable();
            values.put(MetricNames.RAM_TOTAL_BYTES, (double) total);
            values.put(MetricNames.RAM_USED_BYTES, (double) used);
            values.put(MetricNames.RAM_PERCENT, 100.0 * used / total);
        }
        VirtualMemory swap = memory.getVirtualMemory();
        // a box without swap has no swap usage to report, not 0 % of nothing
        if (swap.getSwapTotal() > 0) {
            values.put(MetricNames.SWAP_PERCENT, 100.0 * swap.getSwapUsed() / swap.getSwapTotal());
        }
    }

    private static void putIfKnown(Map<String, Double> values, String metric, double value) {
        if (Double.isFinite(value) && value >= 0) {
            values.put(metric, value);
        }
    }
}
