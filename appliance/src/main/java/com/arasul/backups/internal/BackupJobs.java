package com.arasul.backups.internal;

import com.arasul.backups.BackupProperties;
import com.arasul.platform.DatabaseDump;
import com.arasul.storage.ObjectStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backup runs as jobs on one worker thread with no queue: while one runs, another is refused (the
 * advisory lock also guards against a second process). Each job's progress is in its record.
 */
public final class BackupJobs implements AutoCloseable {

    private final BackupRunner runner;
    private final BackupRecords records;
    private final BackupStore store;
    private final BackupProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1), r -> new Thread(r, "backup"), new ThreadPoolExecutor.AbortPolicy());

    BackupJobs(BackupRunner runner, BackupRecords records, BackupStore store, BackupProperties properties, Clock clock) {
        this.runner = runner;
        this.records = records;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public static BackupJobs create(DataSource dataSource, JdbcTemplate jdbc, DatabaseDump dump, Path folder,
            ObjectStorage storage, Path rulesDir, Path keysDir, Supplier<String> version, BackupProperties properties,
            Clock clock) {
        var records = new BackupRecords(jdbc);
        var store = new BackupStore(folder, storage);
        records.interrupted(clock.instant());
        return new BackupJobs(new BackupRunner(dataSource, dump, store, records, rulesDir, keysDir, version, properties, clock),
                records, store, properties, clock);
    }

    /** Starts a run unless one is running; its id. */
    public synchronized Optional<UUID> submit(String trigger) {
        if (worker.getActiveCount() > 0 || !worker.getQueue().isEmpty()) {
            return Optional.empty();
        }
        UUID id = runner.start(trigger);
        try {
            worker.execute(() -> runner.run(id));
        } catch (RejectedExecutionException e) {
            records.failed(id, clock.instant(), "Another backup is running; this one was not started.");
            return Optional.empty();
        }
        return Optional.of(id);
    }

    BackupRecords records() {
        return records;
    }

    BackupStore store() {
        return store;
    }

    BackupProperties properties() {
        return properties;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
