package com.arasul.telemetry.internal;

import java.sql.Timestamp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes batches of aggregated rows in one transaction. A bucket written twice (a sampling pause split it,
 * a retry) is merged into the existing row, weighted by its samples. While the database is away a failed
 * batch goes back into the buffer and the outage is logged once, its end once.
 */
final class MetricRowStore {

    private static final Logger log = LoggerFactory.getLogger(MetricRowStore.class);
    private static final String UPSERT = """
            INSERT INTO metrics (metric, bucket_start, avg_value, min_value, max_value, samples)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (metric, bucket_start) DO UPDATE SET
                avg_value = (metrics.avg_value * metrics.samples + excluded.avg_value * excluded.samples)
                            / (metrics.samples + excluded.samples),
                min_value = least(metrics.min_value, excluded.min_value),
                max_value = greatest(metrics.max_value, excluded.max_value),
                samples = metrics.samples + excluded.samples""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MetricRowBuffer buffer;
    private final OnceLog outage = new OnceLog(log);

    MetricRowStore(JdbcTemplate jdbc, TransactionTemplate transaction, MetricRowBuffer buffer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.buffer = buffer;
    }

    void write(List<MetricRow> batch) {
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(UPSERT, batch, batch.size(), (ps, row) -> {
            ps.setString(1, row.metric());
            ps.setTimestamp(2, Timestamp.from(row.bucketStart()));
            ps.setDouble(3, row.avg());
            ps.setDouble(4, row.min());
            ps.setDouble(5, row.max());
            ps.setInt(6, row.samples());
        }));
        outage.recovered("database", () -> {
            buffer.resetDropLog();
            log.info("The database takes metric rows again; {} buffered rows follow", buffer.size());
        });
    }

    /** The error flow's end: the batch waits for the next try. */
    @SuppressWarnings("unchecked")
    void writeFailed(ErrorMessage error) {
        Throwable failure = error.getPayload();
        if (failure instanceof MessagingException messaging && messaging.getFailedMessage() != null
                && messaging.getFailedMessage().getPayload() instanceof List<?> batch) {
            buffer.putBack((List<MetricRow>) batch);
            Throwable cause = rootCause(failure);
            outage.failed("database", () -> log.warn(
                    "Cannot write metric rows ({}); keeping them in the buffer ({} rows) until the database is back",
                    cause.getMessage(), buffer.size()));
        } else {
            log.error("Unexpected failure in the telemetry store flow", failure);
        }
    }

    /** Writes everything buffered now, for the shutdown; gives up quietly at the first failure. */
    int flushAll(int batchSize) {
        int written = 0;
        List<MetricRow> batch;
        while ((batch = buffer.drain(batchSize)) != null) {
            try {
                write(batch);
                written += batch.size();
            } catch (RuntimeException e) {
                buffer.putBack(batch);
                log.warn("Could not write {} metric rows at shutdown: {}", buffer.size(), rootCause(e).getMessage());
                break;
            }
        }
        return written;
    }

    boolean databaseFailing() {
        return outage.isFailing("database");
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
