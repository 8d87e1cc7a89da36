package com.arasul.backups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ApplianceTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restored database carries the run that made its archive as "running" (its dump was taken
 * during the run); the restore marks that run, and only that one, as the success it was.
 */
@ApplianceTest
class RestoredHistoryTests {

    @Autowired
    JdbcTemplate jdbc;

    final List<UUID> made = new java.util.ArrayList<>();

    @AfterEach
    void removeRows() {
        made.forEach(id -> jdbc.update("delete from backup_runs where id = ?", id));
    }

    @Test
    void theArchivesOwnRunIsMarkedAsTheSuccessItWas() {
        var records = new BackupRecords(jdbc);
        // far in the future, so that these are the newest rows whatever other tests left
        Instant later = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID older = run(records, later, "daily");
        UUID own = run(records, later.plusSeconds(60), "cli");

        boolean marked = records.restoredFrom("arasul-backup-20361201T030000Z.tar", 4096, "/media/usb", later.plusSeconds(90));

        assertThat(marked).isTrue();
        var row = records.run(own).orElseThrow();
        assertThat(row.status()).isEqualTo("succeeded");
        assertThat(row.name()).isEqualTo("arasul-backup-20361201T030000Z.tar");
        assertThat(row.sizeBytes()).isEqualTo(4096L);
        assertThat(row.finishedAt()).isEqualTo(later.plusSeconds(90));
        assertThat(records.run(older).orElseThrow().status()).as("an older run left running is not this archive's").isEqualTo("running");
    }

    private UUID run(BackupRecords records, Instant at, String trigger) {
        UUID id = UUID.randomUUID();
        records.started(id, at, trigger);
        made.add(id);
        return id;
    }
}
