package com.arasul.telemetry.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the database answers, for {@code /api/health}. Answers within a bounded time even when the database
 * hangs (the pool would wait its full connect timeout); one check runs at a time and a fresh result is reused,
 * so a busy health endpoint costs the database almost nothing.
 */
final class DatabaseCheck {

    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration REUSE = Duration.ofMillis(500);

    private final JdbcTemplate jdbc;
    private CompletableFuture<Boolean> current = CompletableFuture.completedFuture(false);
    private Instant startedAt = Instant.MIN;

    DatabaseCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean up() {
        CompletableFuture<Boolean> check;
        synchronized (this) {
            Instant now = Instant.now();
            if (current.isDone() && !startedAt.plus(REUSE).isAfter(now)) {
                current = CompletableFuture.supplyAsync(this::query, Thread::startVirtualThread);
                startedAt = now;
            }
            check = current;
        }
        try {
            return check.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean query() {
        try {
            return Integer.valueOf(1).equals(jdbc.queryForObject("SELECT 1", Integer.class));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
