package com.arasul.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import com.arasul.backups.internal.BackupJobs;
import com.arasul.platform.DataDirectory;
import com.arasul.platform.DatabaseDump;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backup of a running appliance (object storage not configured, so it goes to the data folder),
 * verified, then restored into a fresh database: the same rows come back, and the rules and keys are
 * in the archive as they are on the box.
 */
@ApplianceTest
class BackupRestoreTests {

    private static final List<String> TABLES = List.of("databasechangelog", "admin_users", "backup_runs");

    @Autowired
    BackupJobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataDirectory dataDirectory;

    @TempDir
    Path temp;

    @Test
    void backsUpAPopulatedApplianceAndRestoresItIntoAFreshDatabase() throws Exception {
        Files.createDirectories(dataDirectory.config().resolve("update-keys"));
        Files.writeString(dataDirectory.config().resolve("update-keys/owner.pub"), "a trusted key");
        UUID id = jobs.submit("test").orElseThrow();
        String name = awaitSuccess(id);
        Path archive = dataDirectory.root().resolve("backups").resolve(name);
        assertThat(archive).isRegularFile();
        try (Stream<Path> left = Files.list(archive.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(name);
        }

        Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
        Map<String, String> sums = BackupArchive.verify(archive, unpacked);
        assertThat(sums).containsKeys(BackupArchive.DATABASE, BackupArchive.VERSION, "update-keys/owner.pub");
        assertThat(unpacked.resolve("update-keys/owner.pub")).hasContent("a trusted key");
        try (Stream<Path> rules = Files.walk(dataDirectory.root().resolve("rules"))) {
            for (Path rule : rules.filter(Files::isRegularFile).toList()) {
                Path copy = unpacked.resolve("rules").resolve(dataDirectory.root().resolve("rules").relativize(rule).toString());
                assertThat(copy).as(rule.toString()).hasSameBinaryContentAs(rule);
            }
        }

        Map<String, Integer> before = counts(jdbc);
        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().setDataDirectory(temp.resolve("fresh-db"))
                .setCleanDataDirectory(true).start();
                HikariDataSource target = new HikariDataSource()) {
            target.setJdbcUrl("jdbc:postgresql://localhost:" + fresh.getPort() + "/postgres");
            target.setUsername("postgres");
            target.setPassword("postgres");
            var dump = new DatabaseDump(target, temp.resolve("no-runtime"), Duration.ofMinutes(5));

            dump.restore(unpacked.resolve(BackupArchive.DATABASE), temp.resolve("restore.log"));

            Map<String, Integer> after = counts(new JdbcTemplate(target));
            // the run's own row was written after the dump was taken, as "running"
            assertThat(after).containsEntry("databasechangelog", before.get("databasechangelog"))
                    .containsEntry("admin_users", before.get("admin_users"));
        }
    }

    @Test
    void refusesAnArchiveWhoseSumsDoNotMatch() throws Exception {
        UUID id = jobs.submit("test").orElseThrow();
        String name = awaitSuccess(id);
        Path archive = dataDirectory.root().resolve("backups").resolve(name);
        Path damaged = temp.resolve("damaged.tar");
        byte[] bytes = Files.readAllBytes(archive);
        // a byte in the middle: inside the database dump, by far the largest entry
        bytes[bytes.length / 3] ^= 0x5a;
        Files.write(damaged, bytes);

        assertThatThrownBy(() -> BackupArchive.verify(damaged, temp.resolve("out")))
                .hasMessageContaining("does not match its manifest");
    }

    private String awaitSuccess(UUID id) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> !"running".equals(
                jdbc.queryForObject("select status from backup_runs where id = ?", String.class, id)));
        var row = jdbc.queryForMap("select status, name, reason from backup_runs where id = ?", id);
        assertThat(row.get("status")).as(String.valueOf(row.get("reason"))).isEqualTo("succeeded");
        return (String) row.get("name");
    }

    private static Map<String, Integer> counts(JdbcTemplate jdbc) {
        var counts = new java.util.TreeMap<String, Integer>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        return counts;
    }
}
