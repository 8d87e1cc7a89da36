package com.arasul.healing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the healing records for the API; every value from a request arrives here as a bound parameter. */
class HealingRecords {

    private final JdbcTemplate jdbc;

    HealingRecords(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(10);
    }

    List<HealingEvent> events(EventsFilter f) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, event_type, severity, category, service,"
                + " rule_name, description, action_taken, mode FROM self_healing_events WHERE true");
        List<Object> args = new ArrayList<>();
        if (f.severity() != null) {
            sql.append(" AND severity = ?");
            args.add(f.severity());
        }
        if (f.eventType() != null) {
            sql.append(" AND event_type = ?");
            args.add(f.eventType());
        }
        if (f.since() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(f.since()));
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?");
        args.add(f.limit());
        args.add(f.offset());
        return jdbc.query(sql.toString(), (rs, n) -> new HealingEvent(rs.getLong("id"), instant(rs, "occurred_at"),
                rs.getString("event_type"), rs.getString("severity"), rs.getString("category"), rs.getString("service"),
                rs.getString("rule_name"), rs.getString("description"), rs.getString("action_taken"),
                rs.getString("mode")), args.toArray());
    }

    List<Map<String, Object>> recoveryActions(EventsFilter page) {
        return rows("SELECT id, occurred_at, action_type, service, category, rule_name, reason, mode, success, result,"
                + " duration_ms FROM recovery_actions ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?", page);
    }

    List<Map<String, Object>> serviceFailures(EventsFilter page) {
        return rows("SELECT id, occurred_at, service, failure_type, container_id, details FROM service_failures"
                + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?", page);
    }

    List<Map<String, Object>> reboots(EventsFilter page) {
        return rows("SELECT id, occurred_at, reason, rule_name, status, validated_at, state_before::text AS state_before,"
                + " state_after::text AS state_after FROM reboot_events ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?",
                page);
    }

    /** Failures per service in the last 7 days, and their newest one. */
    Map<String, Long> failuresPerService(Instant since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT service, count(*) AS n FROM service_failures WHERE occurred_at >= ? GROUP BY service"
                + " ORDER BY service", rs -> {
                    counts.put(rs.getString("service"), rs.getLong("n"));
                }, Timestamp.from(since));
        return counts;
    }

    /** Per action type: how many ran, and how many of them worked (observed ones did not run). */
    List<Map<String, Object>> successRates(Instant since) {
        return jdbc.queryForList("SELECT action_type, count(*) AS runs, count(*) FILTER (WHERE success) AS succeeded"
                + " FROM recovery_actions WHERE occurred_at >= ? AND success IS NOT NULL GROUP BY action_type"
                + " ORDER BY action_type", Timestamp.from(since)).stream().map(HealingRecords::snake).toList();
    }

    /** Seconds each service was down in the window: from each failure to its next successful restart, at most 10 min. */
    Map<String, Double> downSeconds(Instant since) {
        Map<String, Double> down = new LinkedHashMap<>();
        jdbc.query("SELECT f.service, sum(LEAST(600, EXTRACT(EPOCH FROM (COALESCE((SELECT min(a.occurred_at)"
                + " FROM recovery_actions a WHERE a.service = f.service AND a.success AND a.occurred_at >= f.occurred_at),"
                + " f.occurred_at + interval '10 minutes') - f.occurred_at)))) AS down FROM service_failures f"
                + " WHERE f.occurred_at >= ? GROUP BY f.service", rs -> {
                    down.put(rs.getString("service"), rs.getDouble("down"));
                }, Timestamp.from(since));
        return down;
    }

    private List<Map<String, Object>> rows(String sql, EventsFilter page) {
        return jdbc.queryForList(sql, page.limit(), page.offset()).stream().map(HealingRecords::snake).toList();
    }

    /** Column names are snake_case already; timestamps become ISO-8601 instants. */
    private static Map<String, Object> snake(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Timestamp t ? t.toInstant() : v));
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
