package com.arasul.system.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes metrics and events older than the retention, and sessions and revocations whose token
 * has expired, in bounded batches. Runs on a thread of its own so that a long cleanup never
 * delays sampling; a database that is away is simply tried again at the next run.
 */
@Component
public class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** Table and the time column that ages its rows; names are constants, never user input. */
    private record Aged(String table, String column, boolean byExpiry) {
    }

    private static final List<Aged> TABLES = List.of(
            new Aged("metrics", "bucket_start", false),
            new Aged("self_healing_events", "occurred_at", false),
            new Aged("service_failures", "occurred_at", false),
            new Aged("recovery_actions", "occurred_at", false),
            new Aged("workflow_activity", "occurred_at", false),
            new Aged("login_attempts", "attempted_at", false),
            new Aged("sessions", "expires_at", true),
            new Aged("token_revocations", "expires_at", true));

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private volatile boolean stopping;
    private ScheduledExecutorService executor;

    RetentionJob(DataSource dataSource, RetentionProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        // one batch must never hold its locks for long, nor hold up a shutdown
        this.jdbc.setQueryTimeout(30);
        this.properties = properties;
    }

    /** Runs one cleanup now and returns how many rows it removed per table. */
    public Map<String, Long> runOnce(Instant now) {
        OffsetDateTime cutoff = now.minus(Duration.ofDays(properties.days())).atOffset(ZoneOffset.UTC);
        OffsetDateTime expiredBefore = now.atOffset(ZoneOffset.UTC);
        Map<String, Long> removed = new LinkedHashMap<>();
        for (Aged aged : TABLES) {
            if (stopping) {
                break;
            }
            removed.put(aged.table(), deleteInBatches(aged, aged.byExpiry() ? expiredBefore : cutoff));
        }
        log.info("Retention ({} days) removed {}", properties.days(), removed.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        return removed;
    }

    private long deleteInBatches(Aged aged, OffsetDateTime before) {
        // ctid batches: bounded transactions, and no long-held lock on a table full of old rows
        String sql = "DELETE FROM " + aged.table() + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + aged.table()
                + " WHERE " + aged.column() + " < ? LIMIT ?))";
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update(sql, before, properties.batchSize());
            total += deleted;
        } while (deleted == properties.batchSize() && !stopping);
        return total;
    }

    private void runQuietly() {
        try {
            runOnce(Instant.now());
        } catch (DataAccessException e) {
            log.warn("Retention could not run, will try again in {}: {}", properties.interval(),
                    e.getMostSpecificCause().getMessage());
        } catch (RuntimeException e) {
            log.error("Retention failed", e);
        }
    }

    @Override
    public synchronized void start() {
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("arasul-retention").factory());
        executor.scheduleWithFixedDelay(this::runQuietly, properties.initialDelay().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
            try {
                // a batch in flight finishes (short by design); the loop ends at the next check
                executor.awaitTermination(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
