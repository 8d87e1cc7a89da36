package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketStatisticsTests {

    private final BucketStatistics statistics = new BucketStatistics(Duration.ofSeconds(30));
    private final Instant bucket = Instant.parse("2025-06-01T12:00:30Z");

    @Test
    void alignsBucketsToWholeThirtySeconds() {
        assertThat(statistics.bucketOf(Instant.parse("2025-06-01T12:00:59.999Z"))).isEqualTo(bucket);
        assertThat(statistics.bucketOf(Instant.parse("2025-06-01T12:01:00Z")))
                .isEqualTo(Instant.parse("2025-06-01T12:01:00Z"));
    }

    @Test
    void writesOneRowPerMetricWithAverageMinimumMaximumAndSampleCount() {
        List<MetricRow> rows = statistics.rows(bucket, List.of(
                sample(1, Map.of(MetricNames.CPU_PERCENT, 10.0, MetricNames.RAM_PERCENT, 50.0)),
                sample(2, Map.of(MetricNames.CPU_PERCENT, 30.0, MetricNames.RAM_PERCENT, 50.0)),
                sample(3, Map.of(MetricNames.CPU_PERCENT, 20.0, MetricNames.RAM_PERCENT, 53.0))));
        assertThat(rows).containsExactly(
                new MetricRow(MetricNames.CPU_PERCENT, bucket, 20.0, 10.0, 30.0, 3),
                new MetricRow(MetricNames.RAM_PERCENT, bucket, 51.0, 50.0, 53.0, 3));
    }

    @Test
    void countsOnlyTheSamplesThatHadTheMetric() {
        List<MetricRow> rows = statistics.rows(bucket, List.of(
                sample(1, Map.of(MetricNames.GPU_PERCENT, 40.0)),
                sample(2, Map.of()),
                sample(3, Map.of(MetricNames.GPU_PERCENT, 60.0))));
        assertThat(rows).containsExactly(new MetricRow(MetricNames.GPU_PERCENT, bucket, 50.0, 40.0, 60.0, 2));
    }

    @Test
    void anAbsentMetricProducesNoRowNotAZero() {
        List<MetricRow> rows = statistics.rows(bucket, List.of(
                sample(1, Map.of(MetricNames.CPU_PERCENT, 5.0)), sample(2, Map.of(MetricNames.CPU_PERCENT, 7.0))));
        assertThat(rows).extracting(MetricRow::metric).containsExactly(MetricNames.CPU_PERCENT);
        assertThat(statistics.rows(bucket, List.of(sample(1, Map.of())))).isEmpty();
    }

    @Test
    void leavesOutNamesTooLongForTheMetricColumn() {
        String longMount = MetricNames.diskPercent("/" + "x".repeat(120));
        assertThat(statistics.rows(bucket, List.of(sample(1, Map.of(longMount, 1.0))))).isEmpty();
    }

    private MetricSample sample(int second, Map<String, Double> values) {
        return new MetricSample(bucket.plusSeconds(second), values);
    }
}
