package com.arasul.updates;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what happens to a package: one {@code update_events} row per step with a sentence an
 * owner understands, and the package's current status and step.
 */
@Component
public class UpdateJournal {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    UpdateJournal(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records a step's event; {@code status} is e.g. started, done, failed. */
    public void record(UUID packageId, UpdateStep step, String status, String message) {
        Instant now = Instant.now();
        jdbc.update("insert into update_events (package_id, occurred_at, step, status, message) values (?, ?, ?, ?, ?)",
                packageId, java.sql.Timestamp.from(now), step.name(), status, message);
        events.publishEvent(new UpdateEventRecorded(packageId, step, status, message, now));
    }

    /** Moves the package to a status and step; a final status also stamps {@code finished_at}. */
    public void moveTo(UUID packageId, UpdateStatus status, UpdateStep step) {
        jdbc.update("update update_packages set status = ?, step = ?, finished_at = case when ? then now() else finished_at end where id = ?",
                status.name(), step.name(), status.isFinal(), packageId);
    }
}
