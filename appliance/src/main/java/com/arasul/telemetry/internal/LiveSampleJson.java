package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricSample;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sample as the API and the live stream show it.
 *
 * @param timestamp when this answer was made
 * @param sampledAt when the sample was taken
 * @param values only the metrics that could be read
 */
record LiveSampleJson(Instant timestamp, @JsonProperty("sampled_at") Instant sampledAt, Map<String, Double> values) {

    static LiveSampleJson of(MetricSample sample, Instant now) {
        return new LiveSampleJson(now, sample.timestamp(), new TreeMap<>(sample.values()));
    }
}
