package com.arasul.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ApplianceTest;
import com.arasul.system.internal.RetentionJob;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

@ApplianceTest
// small batches, so that the old rows need several of them
@TestPropertySource(properties = "arasul.retention.batch-size=100")
class RetentionJobTests {

    @Autowired
    RetentionJob retention;

    @Autowired
    JdbcTemplate jdbc;

    private final Instant now = Instant.now();
    private final Timestamp old = Timestamp.from(now.minus(Duration.ofDays(8)));
    private final Timestamp recent = Timestamp.from(now.minus(Duration.ofDays(6)));
    private final Timestamp expired = Timestamp.from(now.minus(Duration.ofMinutes(1)));
    private final Timestamp valid = Timestamp.from(now.plus(Duration.ofHours(1)));

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE metrics, self_healing_events, service_failures, recovery_actions, workflow_activity,"
                + " login_attempts, sessions, token_revocations, admin_users CASCADE");
    }

    @Test
    void deletesRowsOlderThanSevenDaysInBatchesAndKeepsNewerOnes() {
        jdbc.update("INSERT INTO metrics (metric, bucket_start, avg_value, min_value, max_value, samples)"
                + " SELECT 'cpu.percent', ?::timestamptz - make_interval(secs => 30 * g), 1, 1, 1, 30"
                + " FROM generate_series(0, 249) g", old);
        jdbc.update("INSERT INTO metrics (metric, bucket_start, avg_value, min_value, max_value, samples)"
                + " VALUES ('cpu.percent', ?, 1, 1, 1, 30)", recent);
        for (Timestamp at : new Timestamp[] {old, recent}) {
            jdbc.update("INSERT INTO self_healing_events (occurred_at, event_type, severity, description)"
                    + " VALUES (?, 'SERVICE_RESTARTED', 'INFO', 'restarted llm')", at);
            jdbc.update("INSERT INTO service_failures (occurred_at, service, failure_type) VALUES (?, 'llm', 'UNHEALTHY')", at);
            jdbc.update("INSERT INTO recovery_actions (occurred_at, action_type, reason, mode)"
                    + " VALUES (?, 'RESTART', 'unhealthy', 'AUTO')", at);
            jdbc.update("INSERT INTO workflow_activity (occurred_at, workflow_name, status) VALUES (?, 'ingest', 'OK')", at);
            jdbc.update("INSERT INTO login_attempts (attempted_at, username, success) VALUES (?, 'admin', false)", at);
        }
        Long user = jdbc.queryForObject("INSERT INTO admin_users (username, password_hash) VALUES ('admin', 'x') RETURNING id",
                Long.class);
        jdbc.update("INSERT INTO sessions (jti, user_id, issued_at, expires_at) VALUES ('gone', ?, ?, ?)", user, old, expired);
        jdbc.update("INSERT INTO sessions (jti, user_id, issued_at, expires_at) VALUES ('live', ?, ?, ?)", user, recent, valid);
        jdbc.update("INSERT INTO token_revocations (jti, expires_at) VALUES ('gone', ?)", expired);
        jdbc.update("INSERT INTO token_revocations (jti, expires_at) VALUES ('live', ?)", valid);

        Map<String, Long> removed = retention.runOnce(now);

        assertThat(removed).containsExactlyInAnyOrderEntriesOf(Map.of("metrics", 250L, "self_healing_events", 1L,
                "service_failures", 1L, "recovery_actions", 1L, "workflow_activity", 1L, "login_attempts", 1L,
                "sessions", 1L, "token_revocations", 1L));
        for (String table : removed.keySet()) {
            // the shared application's healing engine may journal an event of its own meanwhile: count ours
            String ours = table.equals("self_healing_events") ? " WHERE description = 'restarted llm'" : "";
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + ours, Long.class)).as(table).isEqualTo(1L);
        }
        assertThat(jdbc.queryForObject("SELECT jti FROM sessions", String.class)).isEqualTo("live");
        assertThat(jdbc.queryForObject("SELECT jti FROM token_revocations", String.class)).isEqualTo("live");
    }

    @Test
    void removesNothingWhenEverythingIsRecent() {
        jdbc.update("INSERT INTO metrics (metric, bucket_start, avg_value, min_value, max_value, samples)"
                + " VALUES ('cpu.percent', ?, 1, 1, 1, 30)", recent);
        assertThat(retention.runOnce(now).values()).containsOnly(0L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM metrics", Long.class)).isEqualTo(1L);
    }
}
