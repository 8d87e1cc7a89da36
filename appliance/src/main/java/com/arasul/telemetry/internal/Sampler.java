package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one {@link MetricSample}: the host's readings, then the GPU probe's (a Jetson's own thermal zones win
 * over OSHI's guess), then the hottest temperature of them all. A probe that throws costs its own values only.
 */
final class Sampler implements Supplier<MetricSample> {

    private static final Logger log = LoggerFactory.getLogger(Sampler.class);
    private static final String TEMPERATURE_PREFIX = MetricNames.temperature("");

    private final Supplier<Map<String, Double>> host;
    private final GpuProbe gpu;
    private final Clock clock;
    private final OnceLog failures = new OnceLog(log);

    Sampler(Supplier<Map<String, Double>> host, GpuProbe gpu, Clock clock) {
        this.host = host;
        this.gpu = gpu;
        this.clock = clock;
    }

    @Override
    public MetricSample get() {
        Map<String, Double> values = new HashMap<>();
        read("host", host, values);
        read("gpu", gpu::read, values);
        values.entrySet().stream()
                .filter(e -> e.getKey().startsWith(TEMPERATURE_PREFIX)
                        || e.getKey().equals(MetricNames.GPU_TEMPERATURE_CELSIUS))
                .mapToDouble(Map.Entry::getValue)
                .max()
                .ifPresent(max -> values.put(MetricNames.TEMPERATURE_MAX_CELSIUS, max));
        values.values().removeIf(v -> v == null || !Double.isFinite(v));
        return new MetricSample(clock.instant(), values);
    }

    private void read(String probe, Supplier<Map<String, Double>> source, Map<String, Double> into) {
        try {
            into.putAll(source.get());
            failures.recovered(probe, () -> log.info("The {} probe reads again", probe));
        } catch (RuntimeException e) {
            failures.failed(probe, () -> log.warn("The {} probe failed, its metrics are absent: {}", probe, e.toString()));
        }
    }
}
