package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.telemetry.MetricNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

/** OSHI on the machine the tests run on: what every Linux host has must be there and plausible. */
class HostProbeTests {

    private final HostProbe probe = new HostProbe(new SystemInfo(), List.of(Path.of("/"), Path.of("/tmp")));

    @Test
    void readsCpuMemoryLoadUptimeAndTheRootDisk() {
        probe.read();
        Map<String, Double> values = probe.read();
        assertThat(values.get(MetricNames.CPU_PERCENT)).isBetween(0.0, 100.0);
        assertThat(values.get(MetricNames.RAM_PERCENT)).isBetween(0.0, 100.0);
        assertThat(values.get(MetricNames.RAM_TOTAL_BYTES)).isGreaterThan(values.get(MetricNames.RAM_USED_BYTES));
        assertThat(values).containsKeys(MetricNames.LOAD_1M, MetricNames.LOAD_5M, MetricNames.LOAD_15M);
        assertThat(values.get(MetricNames.UPTIME_SECONDS)).isPositive();
        assertThat(values.get(MetricNames.diskPercent("/"))).isBetween(0.0, 100.0);
        assertThat(values.get(MetricNames.diskFreeBytes("/"))).isPositive();
    }

    @Test
    void measuresNetworkThroughputFromTheSecondSampleOn() {
        Map<String, Double> second = probe.read();
        if (second.containsKey(MetricNames.NET_RX_BYTES_PER_SECOND)) {
            assertThat(second.get(MetricNames.NET_RX_BYTES_PER_SECOND)).isNotNegative();
        }
        assertThat(new HostProbe(new SystemInfo(), List.of()).read())
                .as("the first sample has no previous counters to compare with")
                .doesNotContainKeys(MetricNames.NET_RX_BYTES_PER_SECOND, MetricNames.NET_TX_BYTES_PER_SECOND);
    }

    @Test
    void namesEachDiskSeriesByItsMountPointSoOneFileSystemGivesOneSeries() {
        Map<String, Double> values = probe.read();
        assertThat(values.keySet().stream().filter(k -> k.startsWith("disk.percent:")))
                .allMatch(k -> k.equals(MetricNames.diskPercent("/")) || k.equals(MetricNames.diskPercent("/tmp")));
    }

    @Test
    void countsTheRootDiskAsDfDoes() throws Exception {
        Process df = new ProcessBuilder("df", "-P", "-B1", "/").redirectErrorStream(true).start();
        assertThat(df.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // Filesystem 1-blocks Used Available Capacity Mounted-on
        String[] row = new String(df.getInputStream().readAllBytes()).strip().lines().toList().getLast().split("\\s+");
        double dfUsed = Double.parseDouble(row[2]);
        double dfAvailable = Double.parseDouble(row[3]);

        Map<String, Double> values = probe.read();

        // a busy disk changes between the two reads: within 64 MiB
        assertThat(values.get(MetricNames.diskUsedBytes("/"))).isCloseTo(dfUsed, org.assertj.core.data.Offset.offset(64e6));
        assertThat(values.get(MetricNames.diskFreeBytes("/"))).isCloseTo(dfAvailable, org.assertj.core.data.Offset.offset(64e6));
        assertThat(values.get(MetricNames.diskPercent("/")))
                .isCloseTo(100 * dfUsed / (dfUsed + dfAvailable), org.assertj.core.data.Offset.offset(0.5));
    }
}
