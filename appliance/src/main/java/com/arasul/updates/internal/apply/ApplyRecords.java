package com.arasul.updates.internal.apply;

import com.arasul.updates.UpdateStatus;
import com.arasul.updates.UpdateStep;
import com.arasul.updates.format.Manifest;
import com.arasul.updates.format.ManifestCodec;
import com.arasul.updates.format.PackageRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows the apply state machine keeps in PostgreSQL: the package's status and step, and its backup. */
@Component
class ApplyRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    ApplyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A package as the state machine sees it; {@code step} is null before it was queued. */
    record PackageRow(UUID id, String version, UpdateStatus status, UpdateStep step, String manifestJson) {

        Manifest manifest() {
            try {
                return ManifestCodec.toManifest(ManifestCodec.readTree(manifestJson.getBytes(StandardCharsets.UTF_8)));
            } catch (PackageRefusedException e) {
                throw new IllegalStateException("the stored manifest of " + id + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** A service's image before the update: what a rollback must find running again. */
    record ServiceBackup(String service, String image, String imageId) {
    }

    record Backup(List<ServiceBackup> services, String liquibaseTag, String rulesCopy, String dbDump) {

        Optional<ServiceBackup> service(String name) {
            return services.stream().filter(s -> s.service().equals(name)).findFirst();
        }
    }

    Optional<PackageRow> find(UUID id) {
        return jdbc.query("select id, version, status, step, manifest::text from update_packages where id = ?",
                (rs, n) -> new PackageRow(rs.getObject(1, UUID.class), rs.getString(2),
                        UpdateStatus.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : UpdateStep.valueOf(rs.getString(4)), rs.getString(5)), id)
                .stream().findFirst();
    }

    /** Packages a stopped appliance left in the middle of being applied. */
    List<UUID> interrupted() {
        return jdbc.queryForList("select id from update_packages where status = 'APPLYING' order by received_at",
                UUID.class);
    }

    /** READY → QUEUED (in the caller's transaction, with the message); false when the package was not READY (any more). */
    boolean queue(UUID id) {
        return jdbc.update("update update_packages set status = 'QUEUED', step = 'QUEUE' where id = ? and status = 'READY'",
                id) == 1;
    }

    /** Takes a queued (or interrupted) package off the queue for applying; false when there is nothing to do. */
    boolean claim(UUID id) {
        return jdbc.update("""
                update update_packages set status = 'APPLYING', step = case when status = 'QUEUED' then 'VERIFY' else step end
                where id = ? and status in ('QUEUED', 'APPLYING')""", id) == 1;
    }

    boolean anotherInProgress(UUID id) {
        Integer n = jdbc.queryForObject("select count(*) from update_packages where id <> ? and status in ('QUEUED', 'APPLYING')",
                Integer.class, id);
        return n != null && n > 0;
    }

    /** Why the package was refused when its turn came; {@code retryable} when the same file may come again. */
    void refused(UUID id, String reason, boolean retryable) {
        jdbc.update("update update_packages set reason = ?, retryable = ? where id = ?", reason, retryable, id);
    }

    void reason(UUID id, String reason) {
        jdbc.update("update update_packages set reason = ? where id = ?", reason, id);
    }

    void saveBackup(UUID id, Backup backup) {
        jdbc.update("""
                insert into update_backups (package_id, services, liquibase_tag, rules_copy, db_dump) values (?, ?::jsonb, ?, ?, ?)
                on conflict (package_id) do update set services = excluded.services, liquibase_tag = excluded.liquibase_tag,
                  rules_copy = excluded.rules_copy, db_dump = excluded.db_dump, created_at = now()""",
                id, JSON.writeValueAsString(backup.services()), backup.liquibaseTag(), backup.rulesCopy(), backup.dbDump());
    }

    Optional<Backup> backup(UUID id) {
        return jdbc.query("select services::text, liquibase_tag, rules_copy, db_dump from update_backups where package_id = ?",
                (rs, n) -> new Backup(JSON.readValue(rs.getString(1), new TypeReference<List<ServiceBackup>>() { }),
                        rs.getString(2), rs.getString(3), rs.getString(4)), id).stream().findFirst();
    }
}
