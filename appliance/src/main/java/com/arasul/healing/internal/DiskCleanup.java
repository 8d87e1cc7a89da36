package com.arasul.healing.internal;

import com.arasul.platform.ActionOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Frees disk space: unused (dangling) images, the appliance's rolled-over logs beyond the rolling
 * policy's history, and metrics past their retention. Only files named like the appliance's own
 * rolled logs, directly in its logs folder, are ever deleted.
 */
public class DiskCleanup {

    private final DockerHealing docker;
    private final DatabaseMaintenance database;
    private final Path logs;
    private final String logName;
    private final int keepRolledLogs;

    public DiskCleanup(DockerHealing docker, DatabaseMaintenance database, Path logFile, int keepRolledLogs) {
        this.docker = docker;
        this.database = database;
        this.logs = logFile.toAbsolutePath().getParent();
        this.logName = logFile.getFileName().toString();
        this.keepRolledLogs = keepRolledLogs;
    }

    public ActionOutcome run() {
        long start = System.nanoTime();
        ActionOutcome images = docker.pruneImages();
        ActionOutcome logFiles = removeOldLogs();
        ActionOutcome metrics = database.removeExpiredMetrics();
        boolean ok = images.success() && logFiles.success() && metrics.success();
        String message = images.message() + " " + logFiles.message() + " " + metrics.message();
        return new ActionOutcome(ok, message, Duration.ofNanos(System.nanoTime() - start));
    }

    ActionOutcome removeOldLogs() {
        if (!Files.isDirectory(logs)) {
            return ActionOutcome.succeeded("No log folder.", Duration.ZERO);
        }
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> rolled = files.filter(f -> Files.isRegularFile(f) && isRolled(f.getFileName().toString()))
                    .sorted(Comparator.comparing(DiskCleanup::modified).reversed()).toList();
            int removed = 0;
            for (Path old : rolled.subList(Math.min(keepRolledLogs, rolled.size()), rolled.size())) {
                Files.deleteIfExists(old);
                removed++;
            }
            return ActionOutcome.succeeded("Removed " + removed + " old log files.", Duration.ZERO);
        } catch (IOException e) {
            return ActionOutcome.failed("Could not remove old logs: " + e.getMessage(), Duration.ZERO);
        }
    }

    /** Logback's rolled files: {@code arasul.log.2026-01-01.0.gz} and the like, never the live file. */
    private boolean isRolled(String name) {
        return name.startsWith(logName + ".") && !name.equals(logName);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
