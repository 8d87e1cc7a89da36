package com.arasul.healing.internal;

import com.arasul.healing.ServiceInterventions.MaintenanceWindow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the people's stops and removals ({@code service_interventions}) and the announced
 * maintenance ({@code healing_maintenance}) across restarts of the appliance. A database that does
 * not answer loses the row, never the decision: the state in memory goes on.
 */
public class InterventionRecords {

    static final String STOPPED = "stopped";
    static final String REMOVED = "removed";
    private static final Logger log = LoggerFactory.getLogger(InterventionRecords.class);

    record Intervention(String service, String kind, String containerId, Instant since) {
    }

    private final JdbcTemplate jdbc;

    public InterventionRecords(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
    }

    List<Intervention> interventions() {
        try {
            return jdbc.query("SELECT service, kind, container_id, since FROM service_interventions", (rs, i) ->
                    new Intervention(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
        } catch (DataAccessException e) {
            log.warn("Could not read the services people stopped or removed: {}", e.getMessage());
            return List.of();
        }
    }

    void intervened(String service, String kind, String containerId, Instant since) {
        write("INSERT INTO service_interventions (service, kind, container_id, since) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (service) DO UPDATE SET kind = EXCLUDED.kind, container_id = EXCLUDED.container_id,"
                + " since = EXCLUDED.since", service, kind, containerId, Timestamp.from(since));
    }

    void over(String service) {
        write("DELETE FROM service_interventions WHERE service = ?", service);
    }

    Optional<MaintenanceWindow> maintenance() {
        try {
            return jdbc.query("SELECT reason, since, until FROM healing_maintenance WHERE id = 1", (rs, i) ->
                    new MaintenanceWindow(rs.getString(1), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant())).stream().findFirst();
        } catch (DataAccessException e) {
            log.warn("Could not read the announced maintenance: {}", e.getMessage());
            return Optional.empty();
        }
    }

    void maintenance(MaintenanceWindow m) {
        if (m == null) {
            write("DELETE FROM healing_maintenance WHERE id = 1");
        } else {
            write("INSERT INTO healing_maintenance (id, reason, since, until) VALUES (1, ?, ?, ?) ON CONFLICT (id)"
                    + " DO UPDATE SET reason = EXCLUDED.reason, since = EXCLUDED.since, until = EXCLUDED.until",
                    m.reason(), Timestamp.from(m.since()), Timestamp.from(m.until()));
        }
    }

    private void write(String sql, Object... args) {
        try {
            jdbc.update(sql, args);
        } catch (DataAccessException e) {
            log.warn("Could not record an intervention: {}", e.getMessage());
        }
    }
}
