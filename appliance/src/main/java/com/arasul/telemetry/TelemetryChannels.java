package com.arasul.telemetry;

/**
 * The message channels telemetry offers to other modules. Subscribe with
 * {@code IntegrationFlow.from(TelemetryChannels.METRIC_SAMPLES)}: every {@link MetricSample} is
 * published there once per sampling interval.
 */
public final class TelemetryChannels {

    /**
     * Publish-subscribe channel carrying every {@link MetricSample}. Subscribers run on the sampling
     * thread, one after the other: whoever does slow work (I/O, rule firing that may block) hands the
     * sample off to a bounded executor of its own, so sampling never stalls.
     */
    public static final String METRIC_SAMPLES = "metricSamples";

    private TelemetryChannels() {
    }
}
