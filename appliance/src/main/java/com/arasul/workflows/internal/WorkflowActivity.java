package com.arasul.workflows.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * {@code workflow_activity}: one row per execution, written by either door and completed by the
 * other ({@code INSERT … ON CONFLICT (execution_id)}). n8n's poll is the authority on status, start
 * and duration once an execution has finished; a push adds what only the workflow knows (its own
 * error text) and stands in for n8n while the poll has not seen the execution yet.
 */
class WorkflowActivity {

    static final String FAILED = "('error', 'crashed')";
    static final String FINISHED = "('success', 'error', 'crashed', 'canceled')";

    private static final String COLUMNS = "execution_id, workflow_name, status, occurred_at, finished_at, duration_ms,"
            + " error, source";

    private static final String FROM_POLL = """
            INSERT INTO workflow_activity (execution_id, workflow_id, workflow_name, status, mode, occurred_at,
                finished_at, duration_ms, error, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'poll')
            ON CONFLICT (execution_id) DO UPDATE SET
                workflow_id = EXCLUDED.workflow_id,
                workflow_name = EXCLUDED.workflow_name,
                status = EXCLUDED.status,
                mode = EXCLUDED.mode,
                occurred_at = EXCLUDED.occurred_at,
                finished_at = EXCLUDED.finished_at,
                duration_ms = COALESCE(EXCLUDED.duration_ms, workflow_activity.duration_ms),
                error = COALESCE(workflow_activity.error, EXCLUDED.error),
                source = CASE WHEN workflow_activity.source = 'poll' THEN 'poll' ELSE 'both' END
            WHERE workflow_activity.finished_at IS NULL OR workflow_activity.source = 'push'
            """;

    private static final String FROM_PUSH = """
            INSERT INTO workflow_activity (execution_id, workflow_name, status, occurred_at, duration_ms, error, source)
            VALUES (?, ?, ?, ?, ?, ?, 'push')
            ON CONFLICT (execution_id) DO UPDATE SET
                status = CASE WHEN workflow_activity.finished_at IS NULL THEN EXCLUDED.status
                              ELSE workflow_activity.status END,
                duration_ms = COALESCE(workflow_activity.duration_ms, EXCLUDED.duration_ms),
                error = COALESCE(EXCLUDED.error, workflow_activity.error),
                source = CASE WHEN workflow_activity.source = 'push' THEN 'push' ELSE 'both' END
            """;

    private static final RowMapper<WorkflowRun> RUN = (rs, i) -> new WorkflowRun(rs.getString("execution_id"),
            rs.getString("workflow_name"), rs.getString("status"), instant(rs, "occurred_at"),
            instant(rs, "finished_at"), (Long) rs.getObject("duration_ms", Long.class), rs.getString("error"),
            rs.getString("source"));

    private final JdbcTemplate jdbc;

    WorkflowActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What n8n's API said about one execution. */
    void fromPoll(String executionId, String workflowId, String workflowName, WorkflowStatus status, String mode,
            Instant startedAt, Instant stoppedAt, String error) {
        Long duration = startedAt != null && stoppedAt != null && status.finished()
                ? Math.max(0, stoppedAt.toEpochMilli() - startedAt.toEpochMilli()) : null;
        jdbc.update(FROM_POLL, executionId, workflowId, workflowName, status.wire(), mode,
                timestamp(startedAt != null ? startedAt : Instant.now()), status.finished() ? timestamp(stoppedAt) : null,
                duration, error);
    }

    /** What a workflow reported about itself through the push door. */
    void fromPush(String executionId, String workflowName, WorkflowStatus status, Long durationMs, String error,
            Instant receivedAt) {
        jdbc.update(FROM_PUSH, executionId, workflowName, status.wire(), timestamp(receivedAt), durationMs, error);
    }

    /** Whether the poll has already recorded this execution as finished (its error text was read then). */
    boolean finishedByPoll(String executionId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM workflow_activity WHERE execution_id = ?"
                + " AND finished_at IS NOT NULL AND source IN ('poll', 'both')", Integer.class, executionId);
        return n != null && n > 0;
    }

    List<WorkflowRun> history(String workflow, WorkflowStatus status, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM workflow_activity WHERE occurred_at >= ?");
        List<Object> args = new ArrayList<>(List.of(timestamp(since)));
        if (workflow != null) {
            sql.append(" AND workflow_name = ?");
            args.add(workflow);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.wire());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), RUN, args.toArray());
    }

    /** Runs, failures and finished runs since the instant. */
    Counts counts(Instant since) {
        return jdbc.queryForObject("SELECT count(*) AS runs,"
                + " count(*) FILTER (WHERE status IN " + FAILED + ") AS failures,"
                + " count(*) FILTER (WHERE status = 'success') AS successes,"
                + " count(*) FILTER (WHERE status IN " + FINISHED + ") AS finished"
                + " FROM workflow_activity WHERE occurred_at >= ?",
                (rs, i) -> new Counts(rs.getLong("runs"), rs.getLong("failures"), rs.getLong("successes"),
                        rs.getLong("finished")), timestamp(since));
    }

    WorkflowRun lastFailure() {
        return jdbc.query("SELECT " + COLUMNS + " FROM workflow_activity WHERE status IN " + FAILED
                + " ORDER BY occurred_at DESC, id DESC LIMIT 1", RUN).stream().findFirst().orElse(null);
    }

    /** Per workflow since the instant: runs, outcomes, average and 95th percentile of the finished runs' durations. */
    List<WorkflowStats> stats(Instant since) {
        return jdbc.query("SELECT workflow_name, count(*) AS runs,"
                + " count(*) FILTER (WHERE status IN " + FAILED + ") AS failures,"
                + " count(*) FILTER (WHERE status = 'success') AS successes,"
                + " count(*) FILTER (WHERE status IN " + FINISHED + ") AS finished,"
                + " avg(duration_ms) FILTER (WHERE status IN " + FINISHED + ") AS avg_ms,"
                + " percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms)"
                + "   FILTER (WHERE status IN " + FINISHED + ") AS p95_ms,"
                + " max(occurred_at) AS last_run_at"
                + " FROM workflow_activity WHERE occurred_at >= ? GROUP BY workflow_name ORDER BY workflow_name",
                (rs, i) -> new WorkflowStats(rs.getString("workflow_name"), rs.getLong("runs"), rs.getLong("failures"),
                        Counts.rate(rs.getLong("successes"), rs.getLong("finished")), rounded(rs, "avg_ms"),
                        rounded(rs, "p95_ms"), instant(rs, "last_run_at")),
                timestamp(since));
    }

    /** Workflows that ran since the instant, the most recent first, with how their last run went. */
    List<ActiveWorkflow> active(Instant since) {
        return jdbc.query("SELECT workflow_name, count(*) AS runs, max(occurred_at) AS last_run_at,"
                + " (array_agg(status ORDER BY occurred_at DESC, id DESC))[1] AS last_status"
                + " FROM workflow_activity WHERE occurred_at >= ? GROUP BY workflow_name ORDER BY last_run_at DESC",
                (rs, i) -> new ActiveWorkflow(rs.getString("workflow_name"), rs.getLong("runs"),
                        instant(rs, "last_run_at"), rs.getString("last_status")),
                timestamp(since));
    }

    private static Long rounded(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    record Counts(long runs, long failures, long successes, long finished) {

        /** Successes among finished runs, 0–1; null when nothing finished. */
        static Double rate(long successes, long finished) {
            return finished == 0 ? null : (double) successes / finished;
        }

        Double successRate() {
            return rate(successes, finished);
        }
    }
}
