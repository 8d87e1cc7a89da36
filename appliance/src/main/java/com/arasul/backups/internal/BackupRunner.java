package com.arasul.backups.internal;

import com.arasul.backups.BackupArchive;
import com.arasul.backups.BackupProperties;
import com.arasul.platform.DatabaseDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * One backup run: under a PostgreSQL advisory lock (one at a time, across processes too), the
 * database is dumped and its table of contents read back, the rules, keys and version added, the
 * archive written under a temporary name, read through against its manifest, and only then moved to
 * its place; then old archives are rotated out. A failure leaves no partial archive and a reason.
 */
public final class BackupRunner {

    /** The advisory lock's key: "arasul backups". */
    static final long LOCK_KEY = 0x4152_4153_424b_5550L;

    /** Below this much free space in the backups folder a failed run is taken for a full disk. */
    static final long NEARLY_FULL_BYTES = 1L << 20;

    private static final Logger log = LoggerFactory.getLogger(BackupRunner.class);

    private final DataSource dataSource;
    private final DatabaseDump dump;
    private final BackupStore store;
    private final BackupRecords records;
    private final Path rulesDir;
    private final Path keysDir;
    private final Supplier<String> installedVersion;
    private final BackupProperties properties;
    private final Clock clock;

    BackupRunner(DataSource dataSource, DatabaseDump dump, BackupStore store, BackupRecords records, Path rulesDir,
            Path keysDir, Supplier<String> installedVersion, BackupProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.dump = dump;
        this.store = store;
        this.records = records;
        this.rulesDir = rulesDir;
        this.keysDir = keysDir;
        this.installedVersion = installedVersion;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records a new run and returns its id; {@link #run(UUID)} does the work. */
    public UUID start(String trigger) {
        UUID id = UUID.randomUUID();
        records.started(id, clock.instant(), trigger);
        return id;
    }

    /**
     * How a run ended: the archive's name and where it went, or why it failed.
     *
     * @param diskFull whether it failed because the disk (or the data folder's file system) is full
     */
    public record Outcome(String name, String location, String reason, boolean diskFull) {

        static Outcome failed(String reason, boolean diskFull) {
            return new Outcome(null, null, reason, diskFull);
        }

        public boolean succeeded() {
            return reason == null;
        }
    }

    /** Does the run; the outcome is also in its record. */
    public Outcome run(UUID id) {
        Path staging = store.folder().resolve(".staging-" + id);
        Path partial = store.folder().resolve(".partial-" + id + ".tar");
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                return fail(id, "Another backup is running; this one was not started.", false);
            }
            try {
                return write(id, staging, partial);
            } finally {
                // a pooled connection outlives close(), and the lock lives as long as the session
                try (Statement statement = lock.createStatement()) {
                    statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            return fail(id, "The database could not be reached, so nothing was backed up: " + e.getMessage(), false);
        } catch (IOException | RuntimeException e) {
            // looked at before the staged files are removed: a tool whose own log could not be written says nothing
            boolean full = diskFull(e, store.folder());
            return fail(id, reason(e, full), full);
        } finally {
            FileSystemUtils.deleteRecursively(staging.toFile());
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(store.folder().resolve(".list-" + id + ".log"));
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", partial, e.getMessage());
            }
        }
    }

    private Outcome write(UUID id, Path staging, Path partial) throws IOException {
        Instant at = clock.instant();
        String name = BackupStore.nameFor(at);
        Files.createDirectories(staging);
        records.progress(id, "dumping the database");
        Path database = staging.resolve(BackupArchive.DATABASE);
        dump.dump(dump.pgDump().orElseThrow(() -> new IllegalStateException(
                "pg_dump was not found (install postgresql-client)")), database);
        Files.deleteIfExists(staging.resolve(BackupArchive.DATABASE + ".log"));
        dump.list(database, store.folder().resolve(".list-" + id + ".log"));
        Path version = staging.resolve(BackupArchive.VERSION);
        Files.writeString(version, installedVersion.get() + "\n");
        records.progress(id, "writing the archive");
        List<BackupArchive.Part> parts = new ArrayList<>(List.of(
                new BackupArchive.Part(BackupArchive.DATABASE, database),
                new BackupArchive.Part(BackupArchive.VERSION, version),
                new BackupArchive.Part(BackupArchive.RULES, rulesDir),
                new BackupArchive.Part(BackupArchive.KEYS, keysDir)));
        var written = BackupArchive.write(partial, parts);
        records.progress(id, "verifying the archive");
        if (!BackupArchive.verify(partial, null).equals(written)) {
            throw new IllegalStateException("the archive read back differs from what was written");
        }
        long size = Files.size(partial);
        records.progress(id, "storing the archive");
        String location = store.keep(partial, name);
        records.succeeded(id, clock.instant(), name, location, size);
        log.info("Backup {} written ({} bytes) to {}", name, size, location);
        rotate();
        return new Outcome(name, location, null, false);
    }

    private void rotate() {
        try {
            var all = store.list();
            var backups = all.stream().map(s -> new Rotation.Backup(s.name(), s.createdAt())).toList();
            for (var gone : Rotation.toDelete(backups, properties.keepDaily(), properties.keepWeekly(),
                    properties.keepMonthly(), ZoneId.systemDefault())) {
                for (var stored : all) {
                    if (stored.name().equals(gone.name())) {
                        store.delete(stored);
                        log.info("Backup {} rotated out", gone.name());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Old backups could not be rotated out: {}", e.getMessage());
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private Outcome fail(UUID id, String reason, boolean diskFull) {
        log.warn("Backup failed: {}", reason);
        try {
            records.failed(id, clock.instant(), reason);
        } catch (RuntimeException e) {
            log.warn("The failed backup could not be recorded: {}", e.getMessage());
        }
        return Outcome.failed(reason, diskFull);
    }

    /** Whether a failure was a full disk: by what it says, or, when it says nothing useful, by the folder's free space. */
    static boolean diskFull(Throwable e, Path folder) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left") || m.contains("could not extend file") || m.contains("Disk quota")
                    || t instanceof java.nio.file.FileSystemException fs && String.valueOf(fs.getReason()).contains("No space left")) {
                return true;
            }
        }
        try {
            return Files.getFileStore(folder).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException ignored) {
            return false;
        }
    }

    static String reason(Exception e, boolean diskFull) {
        String message = String.valueOf(e.getMessage());
        if (diskFull) {
            return "The disk is full, so the backup could not be written; nothing was kept. Free space and try again.";
        }
        if (message.contains("could not connect") || message.contains("Connection refused")
                || message.contains("connection to server")) {
            return "The database could not be reached, so nothing was backed up: " + message;
        }
        return "The backup failed: " + message;
    }
}
