package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the samples of one bucket into one row per metric (avg, min, max, how many samples had it). A metric
 * no sample could read gets no row: a missing value never becomes a 0 in the history.
 */
final class BucketStatistics {

    /** The longest name the {@code metrics.metric} column takes. */
    static final int MAX_METRIC_LENGTH = 100;

    private final Duration bucket;

    BucketStatistics(Duration bucket) {
        this.bucket = bucket;
    }

    /** The start of the bucket a sample taken at {@code time} belongs to, aligned to the epoch. */
    Instant bucketOf(Instant time) {
        long width = bucket.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), width) * width);
    }

    List<MetricRow> rows(Instant bucketStart, Collection<MetricSample> samples) {
        Map<String, DoubleSummaryStatistics> perMetric = new TreeMap<>();
        for (MetricSample sample : samples) {
            sample.values().forEach((metric, value) -> {
                if (value != null && Double.isFinite(value) && metric.length() <= MAX_METRIC_LENGTH) {
                    perMetric.computeIfAbsent(metric, m -> new DoubleSummaryStatistics()).accept(value);
                }
            });
        }
        List<MetricRow> rows = new ArrayList<>(perMetric.size());
        perMetric.forEach((metric, stats) -> rows.add(new MetricRow(metric, bucketStart, stats.getAverage(),
                stats.getMin(), stats.getMax(), (int) stats.getCount())));
        return rows;
    }
}
