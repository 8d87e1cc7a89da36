package com.arasul.backups.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code backup_runs} table: each run, its progress and its outcome. */
final class BackupRecords {

    record Run(UUID id, Instant startedAt, Instant finishedAt, String trigger, String status, String progress,
            String name, String location, Long sizeBytes, String reason) {
    }

    private static final RowMapper<Run> RUN = (rs, i) -> new Run(rs.getObject("id", UUID.class),
            rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
            rs.getString("trigger"), rs.getString("status"), rs.getString("progress"), rs.getString("name"),
            rs.getString("location"), (Long) rs.getObject("size_bytes"), rs.getString("reason"));

    private final JdbcTemplate jdbc;

    BackupRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void started(UUID id, Instant at, String trigger) {
        jdbc.update("insert into backup_runs (id, started_at, trigger, status, progress) values (?, ?, ?, 'running', 'starting')",
                id, Timestamp.from(at), trigger);
    }

    void progress(UUID id, String progress) {
        jdbc.update("update backup_runs set progress = ? where id = ?", progress, id);
    }

    void succeeded(UUID id, Instant at, String name, String location, long size) {
        jdbc.update("""
                update backup_runs set status = 'succeeded', progress = 'done', finished_at = ?, name = ?, location = ?,
                  size_bytes = ? where id = ?""", Timestamp.from(at), name, location, size, id);
    }

    void failed(UUID id, Instant at, String reason) {
        jdbc.update("update backup_runs set status = 'failed', finished_at = ?, reason = ? where id = ?",
                Timestamp.from(at), reason, id);
    }

    Optional<Run> run(UUID id) {
        return jdbc.query("select * from backup_runs where id = ?", RUN, id).stream().findFirst();
    }

    List<Run> recent(int limit) {
        return jdbc.query("select * from backup_runs order by started_at desc limit ?", RUN, limit);
    }

    Optional<Run> lastSuccess() {
        return jdbc.query("select * from backup_runs where status = 'succeeded' order by finished_at desc limit 1", RUN)
                .stream().findFirst();
    }

    Optional<Instant> firstStarted() {
        return jdbc.query("select min(started_at) from backup_runs", (rs, i) -> rs.getTimestamp(1)).stream()
                .filter(java.util.Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    /**
     * After a restore: the run that made the archive was still "running" when its dump was taken (the
     * only one, under the advisory lock), and is marked as the success it was, with the archive's name.
     *
     * @return whether there was such a run
     */
    boolean restoredFrom(String name, long size, String location, Instant finishedAt) {
        return jdbc.update("""
                update backup_runs set status = 'succeeded', progress = 'done', finished_at = ?, name = ?, location = ?,
                  size_bytes = ?, reason = null
                where id = (select id from backup_runs where status = 'running' order by started_at desc limit 1)""",
                Timestamp.from(finishedAt), name, location, size) == 1;
    }

    /** Runs a previous process left "running" when it stopped. */
    void interrupted(Instant at) {
        jdbc.update("update backup_runs set status = 'failed', finished_at = ?, reason = 'the appliance stopped during the backup' "
                + "where status = 'running'", Timestamp.from(at));
    }
}
