package com.arasul.updates.internal.intake;

import com.arasul.updates.UpdateStatus;
import com.arasul.updates.UpdateStep;
import com.arasul.updates.format.Manifest;
import com.arasul.updates.format.ManifestCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code update_packages} rows of the intake: one per distinct file, by SHA-256. */
final class PackageStore {

    /** A package row as the intake needs it. */
    record Row(UUID id, String version, UpdateStatus status, java.time.Instant receivedAt, boolean retryable) {

        /** Refused only for the box's passing state: the same file is checked anew when it comes again. */
        boolean mayComeAgain() {
            return status == UpdateStatus.REFUSED && retryable;
        }
    }

    private final JdbcTemplate jdbc;

    PackageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a row with the same SHA-256 exists already */
    boolean insertReceived(UUID id, IncomingPackage in) {
        try {
            jdbc.update("""
                    insert into update_packages (id, sha256, source, file_name, size_bytes, status, step)
                    values (?, ?, ?, ?, ?, ?, ?)""", id, in.sha256(), in.source().column(),
                    abbreviate(in.fileName(), 255), in.size(), UpdateStatus.RECEIVED.name(), UpdateStep.RECEIVE.name());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Row> bySha256(String sha256) {
        List<Row> rows = jdbc.query("select id, version, status, received_at, retryable from update_packages where sha256 = ?",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), UpdateStatus.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5)), sha256);
        return rows.stream().findFirst();
    }

    /**
     * Takes a package refused for a passing reason in again: the same row, RECEIVED anew with this
     * arrival's door and name. False when it is not (any more) such a package, e.g. another arrival took it.
     */
    boolean receiveAgain(UUID id, IncomingPackage in) {
        return jdbc.update("""
                update update_packages set status = ?, step = ?, reason = null, retryable = false, finished_at = null,
                  received_at = now(), source = ?, file_name = ?, size_bytes = ?
                where id = ? and status = 'REFUSED' and retryable""", UpdateStatus.RECEIVED.name(), UpdateStep.RECEIVE.name(),
                in.source().column(), abbreviate(in.fileName(), 255), in.size(), id) == 1;
    }

    /**
     * Packages a stopped appliance left in the middle of their checks: nothing was applied and their
     * staging is incomplete, so they are refused for a passing reason and may simply be brought again.
     */
    List<UUID> abandonUnfinishedChecks(String reason) {
        return jdbc.queryForList("""
                update update_packages set status = 'REFUSED', reason = ?, retryable = true, finished_at = now()
                where status = 'RECEIVED' returning id""", UUID.class, reason);
    }

    void recordManifest(UUID id, Manifest manifest) {
        jdbc.update("update update_packages set version = ?, min_version = ?, key_id = ?, manifest = ?::jsonb where id = ?",
                abbreviate(manifest.version().toString(), 60), abbreviate(manifest.minVersion().toString(), 60), manifest.keyId(),
                new String(ManifestCodec.write(manifest), StandardCharsets.UTF_8), id);
    }

    void recordReasons(UUID id, List<Reason> reasons, boolean retryable) {
        jdbc.update("update update_packages set reason = ?, retryable = ? where id = ?", Reason.toColumn(reasons), retryable, id);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
