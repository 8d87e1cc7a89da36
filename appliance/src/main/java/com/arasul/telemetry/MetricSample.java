package com.arasul.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One reading of the box. A value that could not be read is absent from {@code values}, never 0:
 * a rule must not take a missing GPU for an idle one.
 *
 * @param timestamp when the sample was taken
 * @param values metric name (see {@link MetricNames}) to value
 */
public record MetricSample(Instant timestamp, Map<String, Double> values) {

    public MetricSample {
        values = Map.copyOf(values);
    }

    public Optional<Double> value(String metric) {
        return Optional.ofNullable(values.get(metric));
    }
}
