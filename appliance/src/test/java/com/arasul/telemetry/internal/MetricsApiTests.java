package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.telemetry.LiveMetrics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** {@code /api/metrics/live} and {@code /api/metrics/history} as an authenticated client sees them. */
@FastTelemetryTest
@WithMockUser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiTests {

    private static final String SERIES = "test.history.percent";
    private static final String OTHER = "test.history.other";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LiveMetrics live;

    @BeforeAll
    void insertSevenDaysOfRows() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Object[]> rows = new ArrayList<>();
        for (Instant t = end.minus(Duration.ofDays(7)); t.isBefore(end); t = t.plusSeconds(30)) {
            double value = (t.getEpochSecond() / 30) % 100;
            rows.add(new Object[] {SERIES, Timestamp.from(t), value, value - 1, value + 1, 30});
            rows.add(new Object[] {OTHER, Timestamp.from(t), 1.0, 1.0, 1.0, 30});
        }
        jdbc.batchUpdate("INSERT INTO metrics (metric, bucket_start, avg_value, min_value, max_value, samples) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows);
    }

    @Test
    void answersTheNewestSampleWithItsTimestamps() {
        await().atMost(Duration.ofSeconds(10)).until(() -> live.latest().isPresent());
        assertThat(mvc.get().uri("/api/metrics/live")).hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.timestamp", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.sampled_at", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.values['cpu.percent']", v -> v.assertThat().isNotNull())
                .doesNotHavePath("$.values['gpu.percent']");
    }

    @Test
    void downsamplesSevenDaysToAtMostFiveHundredPointsPerSeries() {
        var result = mvc.get().uri("/api/metrics/history?range=7d");
        assertThat(result).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.range", v -> v.assertThat().isEqualTo("7d"))
                .hasPathSatisfying("$.step_seconds", v -> v.assertThat().isEqualTo(1210))
                .hasPathSatisfying("$.series['" + SERIES + "'].length()",
                        v -> v.assertThat().asNumber().satisfies(n -> assertThat(n.intValue()).isBetween(490, 500)))
                .hasPathSatisfying("$.series['" + OTHER + "'][0].avg", v -> v.assertThat().isEqualTo(1.0))
                .hasPathSatisfying("$.timestamp", v -> v.assertThat().isNotNull());
    }

    @Test
    void keepsEveryRowOfTheLastHourBecauseItFitsInFiveHundredPoints() {
        // steps are range / 500 (8 s for an hour) but never finer than a bucket; a row every 30 s stays a point
        assertThat(mvc.get().uri("/api/metrics/history?range=1h")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.step_seconds", v -> v.assertThat().isEqualTo(8))
                .hasPathSatisfying("$.series['" + SERIES + "'].length()",
                        v -> v.assertThat().asNumber().satisfies(n -> assertThat(n.intValue()).isBetween(115, 121)));
    }

    @Test
    void refusesAnUnknownRangeWithAnApiError() {
        assertThat(mvc.get().uri("/api/metrics/history?range=2w")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo(400))
                .hasPathSatisfying("$.message", v -> v.assertThat().asString().contains("1h, 6h, 24h, 7d"))
                .hasPathSatisfying("$.path", v -> v.assertThat().isEqualTo("/api/metrics/history"))
                .hasPathSatisfying("$.timestamp", v -> v.assertThat().isNotNull());
    }
}
