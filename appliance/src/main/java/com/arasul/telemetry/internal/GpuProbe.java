package com.arasul.telemetry.internal;

import java.util.Map;

/**
 * The port to whatever reads the GPU (and, on a Jetson, the board's thermal zones and power rails).
 * A probe reports only what it could read: a value it could not read is absent, never 0.
 */
interface GpuProbe {

    /** Metric name (see {@link com.arasul.telemetry.MetricNames}) to value; empty when nothing could be read. */
    Map<String, Double> read();

    /** For the log and the health of the box: {@code jetson}, {@code nvidia} or {@code none}. */
    String name();
}
