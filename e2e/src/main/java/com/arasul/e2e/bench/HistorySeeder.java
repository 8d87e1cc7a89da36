package com.arasul.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Seven days of 30-second metric rows, written straight into the appliance's database, the shape the
 * telemetry pipeline itself writes: one row per metric and bucket.
 */
final class HistorySeeder {

    static final List<String> METRICS = List.of("cpu.percent", "ram.percent", "swap.percent", "load.1m",
            "temperature.max.celsius", "gpu.percent", "gpu.memory.used_mb", "power.watts", "disk.percent:/",
            "net.rx_bytes_per_s", "net.tx_bytes_per_s");

    private HistorySeeder() {
    }

    /**
     * The JDBC URL of the embedded server of a data folder: its port is the fourth line of
     * {@code postmaster.pid}; the in-process server trusts local connections as {@code postgres}.
     */
    static String embeddedUrl(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            throw new IOException("no embedded PostgreSQL running in " + dataDir + " (no postmaster.pid)");
        }
        String port = Files.readAllLines(pidFile).get(3).trim();
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The embedded server's password (it asks every connection for it, scram-sha-256): {@code config/db-password}. */
    static String embeddedPassword(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("config/db-password")).strip();
    }

    /** Inserts the rows and returns how many there are now in the last seven days. */
    static long seedSevenDays(String url, String user, String password) throws SQLException {
        return seedDays(url, user, password, 7);
    }

    /** Inserts {@code days} days of rows and returns how many there are now in that span. */
    static long seedDays(String url, String user, String password, int days) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(120 * Math.max(1, days / 7));
            String metrics = String.join(",", METRICS.stream().map(m -> "'" + m + "'").toList());
            statement.executeUpdate("""
                    INSERT INTO metrics (metric, bucket_start, avg_value, min_value, max_value, samples)
                    SELECT m, b, 40 + 20 * sin(extract(epoch FROM b) / 3600), 10, 90, 30
                      FROM unnest(ARRAY[%s]) AS m,
                           generate_series(date_trunc('minute', now()) - make_interval(days => %d),
                                           date_trunc('minute', now()) - interval '1 minute',
                                           interval '30 seconds') AS b
                    ON CONFLICT DO NOTHING
                    """.formatted(metrics, days));
            statement.execute("ANALYZE metrics");
            try (var rows = statement.executeQuery(
                    "SELECT count(*) FROM metrics WHERE bucket_start > now() - make_interval(days => " + days + ")")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
