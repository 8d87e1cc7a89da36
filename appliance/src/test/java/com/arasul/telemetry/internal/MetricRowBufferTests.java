package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricRowBufferTests {

    private final MetricRowBuffer buffer = new MetricRowBuffer(100);

    @Test
    void dropsTheOldestRowsWhenFullAndCountsThem() {
        buffer.addAll(rows(0, 150));
        assertThat(buffer.size()).isEqualTo(100);
        assertThat(buffer.dropped()).isEqualTo(50);
        assertThat(buffer.drain(1)).extracting(MetricRow::samples).containsExactly(50);
    }

    @Test
    void drainsInBatchesOldestFirstAndAnswersNullWhenEmpty() {
        buffer.addAll(rows(0, 5));
        assertThat(buffer.drain(3)).extracting(MetricRow::samples).containsExactly(0, 1, 2);
        assertThat(buffer.drain(3)).extracting(MetricRow::samples).containsExactly(3, 4);
        assertThat(buffer.drain(3)).isNull();
    }

    @Test
    void putsAFailedBatchBackInFrontInItsOrder() {
        buffer.addAll(rows(0, 5));
        List<MetricRow> batch = buffer.drain(3);
        buffer.addAll(rows(5, 1));
        buffer.putBack(batch);
        assertThat(buffer.drain(10)).extracting(MetricRow::samples).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void dropsTheOldestOfAFailedBatchWhenNewerRowsFilledTheRoom() {
        buffer.addAll(rows(0, 10));
        List<MetricRow> batch = buffer.drain(10);
        buffer.addAll(rows(10, 95));
        buffer.putBack(batch);
        assertThat(buffer.size()).isEqualTo(100);
        assertThat(buffer.dropped()).isEqualTo(5);
        assertThat(buffer.drain(1)).extracting(MetricRow::samples).containsExactly(5);
    }

    private static List<MetricRow> rows(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> new MetricRow("cpu.percent", Instant.EPOCH.plusSeconds(30L * i), 1, 1, 1, i))
                .toList();
    }
}
