package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.telemetry.LiveMetrics;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import com.arasul.telemetry.TelemetryChannels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;

/** The running pipeline on the real embedded PostgreSQL: samples on the channel, live snapshot, aggregated rows. */
@FastTelemetryTest
class TelemetryFlowsTests {

    @Autowired
    @Qualifier(TelemetryChannels.METRIC_SAMPLES)
    SubscribableChannel metricSamples;

    @Autowired
    LiveMetrics live;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void publishesEverySampleOnTheMetricSamplesChannelForOtherModules() {
        List<MetricSample> received = new CopyOnWriteArrayList<>();
        MessageHandler subscriber = message -> received.add((MetricSample) message.getPayload());
        metricSamples.subscribe(subscriber);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 5);
        } finally {
            metricSamples.unsubscribe(subscriber);
        }
        assertThat(received).allSatisfy(sample -> assertThat(sample.values()).containsKey(MetricNames.CPU_PERCENT));
        assertThat(received).extracting(MetricSample::timestamp).isSorted();
    }

    @Test
    void keepsTheNewestSampleAsTheLiveSnapshot() {
        await().atMost(Duration.ofSeconds(10)).until(() -> live.latest().isPresent());
        var first = live.latest().orElseThrow().timestamp();
        await().atMost(Duration.ofSeconds(5)).until(() -> live.latest().orElseThrow().timestamp().isAfter(first));
    }

    @Test
    void writesOneAggregatedRowPerMetricAndBucket() {
        await().atMost(Duration.ofSeconds(20)).until(() -> rows(MetricNames.CPU_PERCENT).size() >= 2);
        List<Map<String, Object>> rows = rows(MetricNames.CPU_PERCENT);
        assertThat(rows).allSatisfy(row -> {
            double avg = (Double) row.get("avg_value");
            assertThat((Double) row.get("min_value")).isLessThanOrEqualTo(avg);
            assertThat((Double) row.get("max_value")).isGreaterThanOrEqualTo(avg);
            // a 2 s bucket at 200 ms holds up to 10 samples; the first bucket may be partial
            assertThat((Integer) row.get("samples")).isBetween(1, 11);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM metrics WHERE metric = ? GROUP BY bucket_start "
                + "ORDER BY count(*) DESC LIMIT 1", Integer.class, MetricNames.CPU_PERCENT)).isEqualTo(1);
    }

    @Test
    void writesNoRowForAMetricThatCouldNotBeRead() {
        await().atMost(Duration.ofSeconds(20)).until(() -> rows(MetricNames.RAM_PERCENT).size() >= 1);
        assertThat(rows(MetricNames.GPU_PERCENT)).as("no GPU on this box: absent, not 0 %").isEmpty();
    }

    private List<Map<String, Object>> rows(String metric) {
        return jdbc.queryForList("SELECT * FROM metrics WHERE metric = ? ORDER BY bucket_start", metric);
    }
}
