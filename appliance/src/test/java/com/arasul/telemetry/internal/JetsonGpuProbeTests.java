package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.arasul.MovableClock;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.internal.TelemetryProperties.GpuMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jetson adapter reads a fixture tree shaped like a real AGX Orin through the same code it uses on the box. */
class JetsonGpuProbeTests {

    private final Path orin = Fixtures.path("jetson-agx-orin");
    private final Map<String, Double> values = new JetsonGpuProbe(orin.resolve("sys")).read();

    @Test
    void readsGpuLoadFromTheGa10bDevfreqNodeInTenthsOfAPercent() {
        assertThat(values).containsEntry(MetricNames.GPU_PERCENT, 52.3);
    }

    @Test
    void findsTheGpuByItsDeviceTreeNameNotByTheFirstDevfreqNode() {
        assertThat(JetsonGpuLoad.isGpu(orin.resolve("sys/class/devfreq/17000000.ga10b"))).isTrue();
        assertThat(JetsonGpuLoad.isGpu(orin.resolve("sys/class/devfreq/15340000.vic"))).isFalse();
    }

    @Test
    void readsOnlineThermalZonesInCelsiusAndLeavesSwitchedOffOnesOut() {
        assertThat(values).containsEntry(MetricNames.temperature("cpu"), 48.531)
                .containsEntry(MetricNames.temperature("tj"), 48.531)
                .containsEntry(MetricNames.temperature("soc2"), 44.593)
                .containsEntry(MetricNames.GPU_TEMPERATURE_CELSIUS, 45.718)
                .doesNotContainKeys(MetricNames.temperature("cv0"), MetricNames.temperature("cv1"),
                        MetricNames.temperature("cv2"));
    }

    @Test
    void readsPowerRailsInWattsSkippingUnconnectedChannelsAndTheShuntSum() {
        assertThat(values.get(MetricNames.powerRail("VDD_GPU_SOC"))).isCloseTo(4.984 * 1.176, within(1e-9));
        assertThat(values.get(MetricNames.powerRail("VDD_CPU_CV"))).isCloseTo(4.984 * 0.392, within(1e-9));
        assertThat(values.get(MetricNames.powerRail("VIN_SYS_5V0"))).isCloseTo(4.976 * 0.832, within(1e-9));
        assertThat(values.get(MetricNames.powerRail("VDDQ_VDD2_1V8AO"))).isCloseTo(4.992 * 0.128, within(1e-9));
        assertThat(values.keySet().stream().filter(k -> k.startsWith("power.watts:")))
                .hasSize(4)
                .noneMatch(k -> k.contains("NC") || k.contains("sum"));
    }

    @Test
    void totalPowerIsTheSumOfTheRailsWhenTheBoardDoesNotMeasureItsInput() {
        double sum = 4.984 * 1.176 + 4.984 * 0.392 + 4.976 * 0.832 + 4.992 * 0.128;
        assertThat(values.get(MetricNames.POWER_WATTS)).isCloseTo(sum, within(1e-9));
    }

    @Test
    void totalPowerIsTheInputRailWhereTheBoardMeasuresIt() {
        assertThat(PowerRails.total(Map.of("VDD_IN", 9.5, "VDD_CPU_GPU_CV", 3.0))).hasValue(9.5);
        assertThat(PowerRails.total(Map.of())).isEmpty();
    }

    @Test
    void leavesGpuMemoryAbsentBecauseAJetsonSharesItsRam() {
        assertThat(values).doesNotContainKeys(MetricNames.GPU_MEMORY_USED_MB, MetricNames.GPU_MEMORY_TOTAL_MB);
    }

    @Test
    void autoDetectsTheJetsonFromItsReleaseFile() {
        TelemetryProperties properties = TelemetryPropertiesFixture.with(GpuMode.AUTO, orin.resolve("sys"),
                orin.resolve("etc"));
        Fixtures.RecordedCommands commands = new Fixtures.RecordedCommands().answering("");
        assertThat(GpuProbes.select(properties, commands, new MovableClock()).name()).isEqualTo("jetson");
        assertThat(commands.calls).as("nvidia-smi is not asked on a Jetson").isEmpty();
    }

    @Test
    void reportsNothingFromATreeWithoutJetsonSensors(@TempDir Path empty) {
        assertThat(new JetsonGpuProbe(empty).read()).isEmpty();
    }
}
