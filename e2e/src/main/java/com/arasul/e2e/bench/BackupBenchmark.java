package com.arasul.e2e.bench;

import com.arasul.e2e.ApplianceJar;
import com.arasul.e2e.ApplianceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Backup and verified restore of an appliance whose database holds N days of metrics (the history
 * benchmark's rows: 11 metrics every 30 s), made the way the box makes them by hand:
 * {@code scripts/arasul backup}, then {@code scripts/arasul restore ARCHIVE --yes} into the same data
 * folder (the archive's sums are checked before anything is replaced). Timed from start to exit, with
 * the peak RSS of the command's whole process tree (its JVM and the pg_dump or pg_restore it runs, and
 * the embedded PostgreSQL it starts) sampled every 20 ms. Running it for 0 and 7 days shows whether
 * memory stays flat as the database grows: dump and archive are streamed, never held in memory.
 * <p>
 * Run: {@code scripts/arasul bench backup [DAYS ...]} (default {@code 0 7}); prints a Markdown table.
 */
public final class BackupBenchmark {

    private static final String PASSWORD = "Bench-Backup-Pass-1!";
    private static final Path SCRIPT = Path.of("scripts", "arasul").toAbsolutePath();

    private BackupBenchmark() {
    }

    record Figures(int days, long rows, long databaseBytes, long archiveBytes, Command backup, Command restore) {
    }

    record Command(long millis, long peakTreeKib, int exit) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> days = new ArrayList<>();
        for (String arg : args) {
            days.add(Integer.parseInt(arg));
        }
        if (days.isEmpty()) {
            days = List.of(0, 7);
        }
        List<Figures> figures = new ArrayList<>();
        for (int d : days) {
            figures.add(measure(d));
        }
        System.out.println();
        System.out.println("| days of metrics | rows | database | archive | backup | backup peak RSS (tree) | verified restore | restore peak RSS (tree) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f MiB | %.1f MiB | %.1f s | %.0f MiB | %.1f s | %.0f MiB |%n", f.days(), f.rows(),
                    f.databaseBytes() / 1048576.0, f.archiveBytes() / 1048576.0, f.backup().millis() / 1000.0,
                    f.backup().peakTreeKib() / 1024.0, f.restore().millis() / 1000.0, f.restore().peakTreeKib() / 1024.0);
        }
    }

    private static Figures measure(int days) throws Exception {
        Path work = Files.createTempDirectory("arasul-backup-bench-");
        try {
            long rows;
            long databaseBytes;
            try (ApplianceProcess appliance = ApplianceProcess.start(ApplianceJar.locate(), List.of("-XX:+UseSerialGC", "-Xmx192m"),
                    Map.of("ARASUL_ADMIN_PASSWORD", PASSWORD), work)) {
                appliance.awaitReady(Duration.ofMinutes(4));
                String url = HistorySeeder.embeddedUrl(appliance.dataDir());
                String password = HistorySeeder.embeddedPassword(appliance.dataDir());
                rows = days > 0 ? HistorySeeder.seedDays(url, "postgres", password, days) : 0;
                databaseBytes = databaseSize(url, password);
                appliance.terminate(Duration.ofSeconds(30));
            }
            Path data = work.resolve("data");
            Path out = work.resolve("backup.out");
            Command backup = run(data, out, "backup");
            if (backup.exit() != 0) {
                throw new IllegalStateException("scripts/arasul backup exited " + backup.exit() + ": " + Files.readString(out));
            }
            Path archive = Path.of(Files.readString(out).strip().lines().toList().getLast());
            long archiveBytes = Files.size(archive);
            Command restore = run(data, work.resolve("restore.out"), "restore", archive.toString(), "--yes");
            if (restore.exit() != 0) {
                throw new IllegalStateException("scripts/arasul restore exited " + restore.exit() + ": "
                        + Files.readString(work.resolve("restore.out")));
            }
            System.out.printf(Locale.ROOT, "%d days: %d rows, backup %d ms, restore %d ms%n", days, rows, backup.millis(), restore.millis());
            return new Figures(days, rows, databaseBytes, archiveBytes, backup, restore);
        } finally {
            ApplianceBenchmark.deleteQuietly(work);
        }
    }

    private static long databaseSize(String url, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", password);
                var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs {@code scripts/arasul ARGS} on the data folder, its standard output into {@code out}, sampling its tree's RSS. */
    private static Command run(Path data, Path out, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("ARASUL_DATA_DIR", data.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            long kib = Math.max(0, ProcessProbe.statusKib(process.pid(), "VmRSS"));
            for (ProcessHandle child : process.descendants().toList()) {
                kib += Math.max(0, ProcessProbe.statusKib(child.pid(), "VmRSS"));
            }
            peak = Math.max(peak, kib);
            if (Duration.ofNanos(System.nanoTime() - start).toMinutes() >= 30) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/arasul " + String.join(" ", args) + " took longer than 30 min");
            }
        }
        return new Command(Duration.ofNanos(System.nanoTime() - start).toMillis(), peak, process.exitValue());
    }
}
