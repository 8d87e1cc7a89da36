package com.arasul.telemetry.internal;

import java.time.Instant;

/** One row of the {@code metrics} table: one metric over one bucket. */
record MetricRow(String metric, Instant bucketStart, double avg, double min, double max, int samples) {
}
