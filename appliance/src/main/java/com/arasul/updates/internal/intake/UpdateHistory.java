package com.arasul.updates.internal.intake;

import com.arasul.updates.UpdateStatus;
import com.arasul.updates.UpdateStep;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads packages and their events for the status and history APIs. */
final class UpdateHistory {

    /** The steps a package goes through when all goes well, for "steps done of total". */
    static final List<UpdateStep> PATH = Arrays.stream(UpdateStep.values()).filter(s -> s != UpdateStep.ROLLBACK).toList();

    record Event(@JsonProperty("occurred_at") Instant occurredAt, String step, String status, String message) {
    }

    record Progress(int done, int total) {
    }

    record PackageView(UUID id, String version, @JsonProperty("min_version") String minVersion, String status,
            String step, String source, @JsonProperty("file_name") String fileName, @JsonProperty("size_bytes") long sizeBytes,
            List<Reason> reasons, boolean retryable, @JsonProperty("received_at") Instant receivedAt,
            @JsonProperty("finished_at") Instant finishedAt, Progress progress, List<Event> events) {
    }

    private static final String COLUMNS = "id, version, min_version, status, step, source, file_name, size_bytes, reason, "
            + "retryable, received_at, finished_at";

    private final JdbcTemplate jdbc;

    UpdateHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The package in progress if there is one (queued, applying, ready), else the most recent. */
    Optional<PackageView> current() {
        List<PackageView> rows = jdbc.query("select " + COLUMNS + " from update_packages order by "
                + "case when status in ('APPLYING', 'QUEUED', 'RECEIVED') then 0 when status = 'READY' then 1 else 2 end, "
                + "received_at desc limit 1", this::row);
        return rows.stream().findFirst();
    }

    /** The newest packages first, each with its events. */
    List<PackageView> newest(int limit) {
        return jdbc.query("select " + COLUMNS + " from update_packages order by received_at desc limit ?", this::row, limit);
    }

    private PackageView row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Event> events = jdbc.query("select occurred_at, step, status, message from update_events where package_id = ? "
                + "order by occurred_at, id", (e, i) -> new Event(e.getTimestamp(1).toInstant(), e.getString(2),
                        e.getString(3), e.getString(4)), id);
        String status = rs.getString("status");
        return new PackageView(id, rs.getString("version"), rs.getString("min_version"), status, rs.getString("step"),
                rs.getString("source"), rs.getString("file_name"), rs.getLong("size_bytes"),
                Reason.fromColumn(rs.getString("reason")), rs.getBoolean("retryable"), instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("finished_at")), progress(UpdateStatus.valueOf(status), events), events);
    }

    /**
     * Steps of the path done: each step with a {@code done} event counts, a committed package is
     * complete. A package brought again after a passing refusal counts from its latest arrival.
     */
    static Progress progress(UpdateStatus status, List<Event> events) {
        if (status == UpdateStatus.COMMITTED) {
            return new Progress(PATH.size(), PATH.size());
        }
        int arrival = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).step().equals(UpdateStep.RECEIVE.name()) && "done".equals(events.get(i).status())) {
                arrival = i;
            }
        }
        List<Event> latest = events.subList(arrival, events.size());
        int done = (int) PATH.stream().map(Enum::name)
                .filter(step -> latest.stream().anyMatch(e -> e.step().equals(step) && "done".equals(e.status())))
                .count();
        return new Progress(done, PATH.size());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
