package com.arasul.telemetry.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history of every metric over a range, downsampled in SQL: rows are grouped into at most
 * {@value #MAX_POINTS} equal steps ({@code date_bin}), each step's average weighted by its samples.
 */
final class MetricsHistory {

    static final int MAX_POINTS = 500;
    private static final String QUERY = """
            SELECT metric,
                   date_bin(make_interval(secs => ?), bucket_start, ?) AS step_start,
                   sum(avg_value * samples) / sum(samples) AS avg_value,
                   min(min_value) AS min_value,
                   max(max_value) AS max_value
            FROM metrics
            WHERE bucket_start >= ? AND bucket_start < ?
            GROUP BY metric, step_start
            ORDER BY metric, step_start""";

    private final JdbcTemplate jdbc;
    private final Duration bucket;

    MetricsHistory(JdbcTemplate jdbc, Duration bucket) {
        this.jdbc = jdbc;
        this.bucket = bucket;
    }

    /** Steps are never finer than a bucket, and there are never more than {@value #MAX_POINTS} of them. */
    Duration step(Duration range) {
        long seconds = Math.ceilDiv(range.toSeconds(), MAX_POINTS);
        return Duration.ofSeconds(Math.max(seconds, Math.max(1, bucket.toSeconds())));
    }

    History query(Duration range, Instant to) {
        Instant from = to.minus(range);
        Duration step = step(range);
        Map<String, List<Point>> series = new LinkedHashMap<>();
        jdbc.query(QUERY, rs -> {
            series.computeIfAbsent(rs.getString(1), m -> new ArrayList<>()).add(new Point(
                    rs.getTimestamp(2).toInstant(), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)));
        }, (double) step.toSeconds(), Timestamp.from(from), Timestamp.from(from), Timestamp.from(to));
        return new History(from, to, step, series);
    }

    record History(Instant from, Instant to, Duration step, Map<String, List<Point>> series) {
    }

    record Point(Instant t, double avg, double min, double max) {
    }
}
