package com.arasul.healing.internal;

import com.arasul.healing.Decision;
import com.arasul.platform.ActionOutcome;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Stores every decision and every result ({@code self_healing_events}, {@code recovery_actions},
 * {@code service_failures}) and hands each event to the live stream. A database that does not
 * answer loses the row, never the action: healing must go on when PostgreSQL is the thing that is down.
 */
public class HealingJournal {

    private static final Logger log = LoggerFactory.getLogger(HealingJournal.class);

    private final JdbcTemplate jdbc;
    private final Consumer<HealingEvent> live;

    public HealingJournal(DataSource dataSource, Consumer<HealingEvent> live) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.live = live;
    }

    /** Records a decision; for one that runs or would run, also its recovery action, whose id it answers (0 if none). */
    public long decided(Decision d, String mode) {
        var r = d.request();
        event(EventTypes.of(d), EventTypes.severity(d), r.category().name(), r.service(), r.rule(), d.reason(),
                r.type().name(), mode, d.at());
        if (d.outcome() == Decision.Outcome.SUPPRESSED) {
            return 0;
        }
        String result = d.outcome() != Decision.Outcome.OBSERVED ? null
                : Decider.MAINTENANCE_MODE.equals(mode) ? "Not run: maintenance." : "Not run: observe mode.";
        return insertAction(d, mode, result);
    }

    /** Records what came of a recovery action. */
    public void result(long actionId, Decision d, ActionOutcome outcome, String mode) {
        var r = d.request();
        try {
            jdbc.update("UPDATE recovery_actions SET success = ?, result = ?, duration_ms = ? WHERE id = ?",
                    outcome.success(), outcome.message(), outcome.duration().toMillis(), actionId);
        } catch (DataAccessException e) {
            log.warn("Could not record the result of {} for {}: {}", r.type(), r.service(), e.getMessage());
        }
        event(outcome.success() ? EventTypes.ACTION_SUCCEEDED : EventTypes.ACTION_FAILED,
                outcome.success() ? EventTypes.INFO : EventTypes.ERROR, r.category().name(), r.service(), r.rule(),
                outcome.message(), r.type().name(), mode, Instant.now());
    }

    public void failure(FailureNoticed f, String failureType) {
        try {
            jdbc.update("INSERT INTO service_failures (occurred_at, service, failure_type, details) VALUES (?, ?, ?, ?)",
                    Timestamp.from(Instant.ofEpochMilli(f.at())), f.service(), failureType, f.reason());
        } catch (DataAccessException e) {
            log.warn("Could not record a failure of {}: {}", f.service(), e.getMessage());
        }
        event(EventTypes.SERVICE_FAILURE, EventTypes.WARNING, "A", f.service(), null,
                f.service() + " failed: " + f.reason() + ".", null, null, Instant.ofEpochMilli(f.at()));
    }

    /** Stores and pushes one event; the database may be away, the live stream still hears of it. */
    public void event(String type, String severity, String category, String service, String rule,
            String description, String action, String mode, Instant at) {
        Long id = null;
        try {
            var keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement("INSERT INTO self_healing_events (occurred_at, event_type,"
                        + " severity, category, service, rule_name, description, action_taken, mode)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, type);
                ps.setString(3, severity);
                ps.setString(4, category);
                ps.setString(5, service);
                ps.setString(6, rule);
                ps.setString(7, description);
                ps.setString(8, action);
                ps.setString(9, mode);
                return ps;
            }, keys);
            id = keys.getKey() == null ? null : keys.getKey().longValue();
        } catch (DataAccessException e) {
            log.warn("Could not record a healing event ({} {}): {}", type, service, e.getMessage());
        }
        live.accept(new HealingEvent(id, at, type, severity, category, service, rule, description, action, mode));
    }

    private long insertAction(Decision d, String mode, String result) {
        var r = d.request();
        try {
            var keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement("INSERT INTO recovery_actions (occurred_at, action_type,"
                        + " service, category, rule_name, reason, mode, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"id"});
                ps.setTimestamp(1, Timestamp.from(d.at()));
                ps.setString(2, r.type().name());
                ps.setString(3, r.service());
                ps.setString(4, r.category().name());
                ps.setString(5, r.rule());
                ps.setString(6, r.reason());
                ps.setString(7, mode);
                ps.setString(8, result);
                return ps;
            }, keys);
            return keys.getKey() == null ? 0 : keys.getKey().longValue();
        } catch (DataAccessException e) {
            log.warn("Could not record {} for {}: {}", r.type(), r.service(), e.getMessage());
            return 0;
        }
    }
}
