package com.arasul.telemetry.internal;

import com.arasul.telemetry.LiveMetrics;
import com.arasul.telemetry.MetricSample;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The newest sample off the {@code metricSamples} channel. */
final class LiveSnapshot implements LiveMetrics {

    private final AtomicReference<MetricSample> latest = new AtomicReference<>();

    MetricSample update(MetricSample sample) {
        // keep the newer one should two samples ever race
        latest.accumulateAndGet(sample, (old, fresh) ->
                old == null || !fresh.timestamp().isBefore(old.timestamp()) ? fresh : old);
        return sample;
    }

    @Override
    public Optional<MetricSample> latest() {
        return Optional.ofNullable(latest.get());
    }
}
