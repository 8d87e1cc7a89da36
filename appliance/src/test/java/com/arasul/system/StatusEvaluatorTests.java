package com.arasul.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.system.SystemStatus.Level;
import com.arasul.system.internal.StatusEvaluator;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusEvaluatorTests {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    static SystemProperties defaults() {
        return new SystemProperties(Path.of("/etc"),
                new SystemProperties.Thresholds(new SystemProperties.Disk(80, 90, 95, 97),
                        new SystemProperties.Temperature(83, 90), new SystemProperties.Memory(90, 95)),
                Duration.ofSeconds(60), List.of(), Duration.ofMillis(1500), Duration.ofSeconds(30));
    }

    private final StatusEvaluator evaluator = new StatusEvaluator(defaults());

    private static Map<String, Double> healthy() {
        Map<String, Double> values = new HashMap<>();
        values.put(MetricNames.diskPercent("/"), 42.0);
        values.put(MetricNames.RAM_PERCENT, 35.0);
        values.put(MetricNames.TEMPERATURE_MAX_CELSIUS, 55.0);
        return values;
    }

    private SystemStatus judge(Map<String, Double> values) {
        return evaluator.evaluate(Optional.of(new MetricSample(NOW.minusSeconds(1), values)), NOW);
    }

    private SystemStatus judge(String metric, double value) {
        Map<String, Double> values = healthy();
        values.put(metric, value);
        return judge(values);
    }

    @Test
    void warnsThatThereIsNoSampleBeforeTheFirstOne() {
        SystemStatus status = evaluator.evaluate(Optional.empty(), NOW);
        assertThat(status.status()).isEqualTo(Level.WARNING);
        assertThat(status.reasons()).singleElement().asString().startsWith("No sample yet");
        assertThat(status.timestamp()).isEqualTo(NOW);
        assertThat(status.sampledAt()).isNull();
    }

    @Test
    void isOkWithOneReassuringSentenceWhenEverythingIsWithinLimits() {
        SystemStatus status = judge(healthy());
        assertThat(status.status()).isEqualTo(Level.OK);
        assertThat(status.reasons()).containsExactly("Disk, memory and temperature are within their limits.");
        assertThat(status.sampledAt()).isEqualTo(NOW.minusSeconds(1));
    }

    @Test
    void followsTheSeedsDiskThresholds() {
        String disk = MetricNames.diskPercent("/data");
        assertThat(judge(disk, 79.9).status()).isEqualTo(Level.OK);
        assertThat(judge(disk, 80).status()).isEqualTo(Level.WARNING);
        assertThat(judge(disk, 80).reasons()).containsExactly("Disk /data is 80.0 % full.");
        assertThat(judge(disk, 90).reasons()).containsExactly("Disk /data is 90.0 % full: old data should be cleaned up.");
        assertThat(judge(disk, 90).status()).isEqualTo(Level.WARNING);
        assertThat(judge(disk, 95).status()).isEqualTo(Level.CRITICAL);
        assertThat(judge(disk, 95).reasons()).containsExactly("Disk /data is 95.0 % full: writing may fail soon; free space now.");
        assertThat(judge(disk, 97.3).status()).isEqualTo(Level.CRITICAL);
        assertThat(judge(disk, 97.3).reasons())
                .containsExactly("Disk /data is 97.3 % full: the box may have to reboot; free space now.");
    }

    @Test
    void judgesEveryMountAndTakesTheWorst() {
        Map<String, Double> values = healthy();
        values.put(MetricNames.diskPercent("/data"), 96.0);
        values.put(MetricNames.diskPercent("/var"), 85.0);
        SystemStatus status = judge(values);
        assertThat(status.status()).isEqualTo(Level.CRITICAL);
        assertThat(status.reasons()).hasSize(2).anyMatch(r -> r.startsWith("Disk /data")).anyMatch(r -> r.startsWith("Disk /var"));
    }

    @Test
    void warnsAboveEightyThreeDegreesAndIsCriticalAboveNinety() {
        assertThat(judge(MetricNames.TEMPERATURE_MAX_CELSIUS, 83).status()).isEqualTo(Level.OK);
        assertThat(judge(MetricNames.TEMPERATURE_MAX_CELSIUS, 83.5).status()).isEqualTo(Level.WARNING);
        assertThat(judge(MetricNames.TEMPERATURE_MAX_CELSIUS, 90).status()).isEqualTo(Level.WARNING);
        assertThat(judge(MetricNames.TEMPERATURE_MAX_CELSIUS, 91).status()).isEqualTo(Level.CRITICAL);
        assertThat(judge(MetricNames.TEMPERATURE_MAX_CELSIUS, 91).reasons()).singleElement().asString()
                .startsWith("The box is 91.0 °C hot");
    }

    @Test
    void countsAHotGpuAsAHotBox() {
        SystemStatus status = judge(MetricNames.GPU_TEMPERATURE_CELSIUS, 92);
        assertThat(status.status()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void warnsAboveNinetyPercentMemoryAndIsCriticalAboveNinetyFive() {
        assertThat(judge(MetricNames.RAM_PERCENT, 90).status()).isEqualTo(Level.OK);
        assertThat(judge(MetricNames.RAM_PERCENT, 90.5).status()).isEqualTo(Level.WARNING);
        assertThat(judge(MetricNames.RAM_PERCENT, 90.5).reasons()).containsExactly("Memory is 90.5 % used.");
        assertThat(judge(MetricNames.RAM_PERCENT, 96).status()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void saysAValueIsUnknownInsteadOfTakingItForZero() {
        SystemStatus status = judge(Map.of());
        assertThat(status.status()).isEqualTo(Level.WARNING);
        assertThat(status.reasons()).containsExactly(
                "Disk usage is unknown: no disk could be measured.",
                "Memory usage is unknown: it could not be measured.",
                "The temperature is unknown: no sensor could be read.");
    }

    @Test
    void warnsWhenTheNewestSampleIsStale() {
        SystemStatus status = evaluator.evaluate(Optional.of(new MetricSample(NOW.minusSeconds(300), healthy())), NOW);
        assertThat(status.status()).isEqualTo(Level.WARNING);
        assertThat(status.reasons()).containsExactly("The newest sample is 300 seconds old: measuring may have stopped.");
    }
}
