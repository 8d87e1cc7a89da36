package com.arasul.healing.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.containers.ManagedService;
import com.arasul.host.HostReboot;
import com.arasul.platform.ActionOutcome;
import com.arasul.platform.ApplianceActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks around a reboot that the safety floor (switch, two an hour) leaves to the moment it
 * runs: no update running, the database reachable so the reboot can be recorded, running workflows
 * given {@code grace} to finish; then the state is saved as a PENDING {@code reboot_events} row and
 * the host rebooted. The next start validates the row ({@link #validatePending()}).
 */
public class RebootProcedure {

    private static final Logger log = LoggerFactory.getLogger(RebootProcedure.class);
    // reboots that were issued: the floor's own count is in memory and starts at zero after each reboot
    private static final String REBOOTS_LAST_HOUR = "SELECT count(*) FROM reboot_events"
            + " WHERE status IN ('PENDING', 'VALIDATED') AND occurred_at > now() - interval '1 hour'";
    private static final String RUNNING_WORKFLOWS = "SELECT count(*) FROM (SELECT DISTINCT ON (workflow_name) status"
            + " FROM workflow_activity WHERE occurred_at > now() - interval '1 hour'"
            + " ORDER BY workflow_name, occurred_at DESC) latest WHERE status = 'running'";

    private final JdbcTemplate jdbc;
    private final ApplianceActivity activity;
    private final HostReboot host;
    private final ContainerActions containers;
    private final JsonMapper json;
    private final HealingJournal journal;
    private final Duration grace;
    private final int maxPerHour;

    public RebootProcedure(DataSource dataSource, ApplianceActivity activity, HostReboot host,
            ContainerActions containers, JsonMapper json, HealingJournal journal, Duration grace, int maxPerHour) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.activity = activity;
        this.host = host;
        this.containers = containers;
        this.json = json;
        this.journal = journal;
        this.grace = grace;
        this.maxPerHour = maxPerHour;
    }

    public ActionOutcome reboot(String reason, String rule) {
        return ActionOutcome.timed(() -> {
            if (activity.runningUpdate().isPresent()) {
                return refused("an update is being applied");
            }
            long row;
            try {
                Integer recent = jdbc.queryForObject(REBOOTS_LAST_HOUR, Integer.class);
                if (recent != null && recent >= maxPerHour) {
                    return refused("the box was already rebooted " + recent + " times in the last hour");
                }
                awaitWorkflows();
                if (activity.runningUpdate().isPresent()) {
                    return refused("an update started while workflows were finishing");
                }
                row = jdbc.queryForObject("INSERT INTO reboot_events (reason, rule_name, state_before, status)"
                        + " VALUES (?, ?, ?::jsonb, 'PENDING') RETURNING id", Long.class, reason, rule,
                        json.writeValueAsString(state(reason)));
            } catch (DataAccessException e) {
                return refused("the database cannot be reached to record it (" + e.getMostSpecificCause().getMessage() + ")");
            }
            journal.event(EventTypes.REBOOT_PENDING, EventTypes.CRITICAL, "D", null, rule, "Rebooting the box: "
                    + reason + " The state of the services was saved and is checked when the box is back.",
                    "REBOOT_HOST", "act", Instant.now());
            ActionOutcome outcome = host.reboot(reason);
            if (!outcome.success()) {
                jdbc.update("UPDATE reboot_events SET status = 'FAILED', state_after = ?::jsonb WHERE id = ?",
                        json.writeValueAsString(Map.of("error", outcome.message())), row);
            }
            return outcome;
        });
    }

    /** After a start: every reboot still PENDING happened; record the state the box came back in. */
    public int validatePending() {
        Map<String, Object> after = state(null);
        List<Map<String, Object>> rows;
        try {
            rows = jdbc.queryForList("UPDATE reboot_events SET status = 'VALIDATED', validated_at = now(),"
                    + " state_after = ?::jsonb WHERE status = 'PENDING' RETURNING occurred_at, reason, rule_name",
                    json.writeValueAsString(after));
        } catch (DataAccessException e) {
            log.warn("Could not validate the last reboot: {}", e.getMessage());
            return 0;
        }
        for (Map<String, Object> row : rows) {
            Instant at = ((java.sql.Timestamp) row.get("occurred_at")).toInstant();
            journal.event(EventTypes.REBOOT_VALIDATED, EventTypes.INFO, "D", null, (String) row.get("rule_name"),
                    "The box came back after the reboot at " + at + " (" + row.get("reason") + "); "
                            + servicesNow(after.get("services")) + ".", "REBOOT_HOST", null, Instant.now());
        }
        return rows.size();
    }

    private void awaitWorkflows() {
        long deadline = System.nanoTime() + grace.toNanos();
        Integer running = jdbc.queryForObject(RUNNING_WORKFLOWS, Integer.class);
        while (running != null && running > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            running = jdbc.queryForObject(RUNNING_WORKFLOWS, Integer.class);
        }
        if (running != null && running > 0) {
            log.warn("Rebooting with {} workflows still running after {} s of grace", running, grace.toSeconds());
        }
    }

    private Map<String, Object> state(String reason) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("at", Instant.now().toString());
        if (reason != null) {
            state.put("reason", reason);
        }
        Map<String, String> services = new LinkedHashMap<>();
        try {
            for (ManagedService s : containers.services()) {
                services.put(s.name(), s.state() + "/" + s.health());
            }
            state.put("services", services);
        } catch (RuntimeException e) {
            // Docker not answering is no reason to keep a box from its last resort, nor from validating it
            state.put("services", "unknown, Docker did not answer: " + e.getMessage());
        }
        return state;
    }

    private static String servicesNow(Object services) {
        if (!(services instanceof Map<?, ?> byName)) {
            return "the services: " + services;
        }
        if (byName.isEmpty()) {
            return "no managed services are running";
        }
        StringJoiner text = new StringJoiner(", ", "the services now: ", "");
        byName.forEach((name, state) -> text.add(name + " " + state));
        return text.toString();
    }

    private static ActionOutcome refused(String why) {
        log.warn("Reboot refused: {}", why);
        return ActionOutcome.failed("Not rebooting: " + why + ".", Duration.ZERO);
    }
}
