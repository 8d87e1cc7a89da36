package com.arasul.healing.internal;

import com.arasul.platform.ActionOutcome;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code VACUUM ANALYZE} and the removal of metrics past their retention, each bounded by a statement timeout. */
public class DatabaseMaintenance {

    private final JdbcTemplate jdbc;
    private final int retentionDays;

    public DatabaseMaintenance(DataSource dataSource, int retentionDays) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(600);
        this.retentionDays = retentionDays;
    }

    public ActionOutcome vacuumAnalyze() {
        return ActionOutcome.timed(() -> {
            try {
                jdbc.execute("VACUUM ANALYZE");
                return ActionOutcome.succeeded("VACUUM ANALYZE ran on the database.", Duration.ZERO);
            } catch (DataAccessException e) {
                return ActionOutcome.failed("VACUUM ANALYZE failed: " + e.getMostSpecificCause().getMessage(),
                        Duration.ZERO);
            }
        });
    }

    public ActionOutcome removeExpiredMetrics() {
        return ActionOutcome.timed(() -> {
            try {
                int rows = jdbc.update("DELETE FROM metrics WHERE bucket_start < ?",
                        Timestamp.from(Instant.now().minus(Duration.ofDays(retentionDays))));
                return ActionOutcome.succeeded("Removed " + rows + " metric rows older than " + retentionDays
                        + " days.", Duration.ZERO);
            } catch (DataAccessException e) {
                return ActionOutcome.failed("Could not remove expired metrics: "
                        + e.getMostSpecificCause().getMessage(), Duration.ZERO);
            }
        });
    }
}
