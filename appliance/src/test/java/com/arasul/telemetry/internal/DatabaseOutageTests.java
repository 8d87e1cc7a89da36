package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ArasulApplication;
import com.arasul.telemetry.LiveMetrics;
import com.arasul.telemetry.MetricNames;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database stopped and started again under a running appliance, for real: a PostgreSQL server of the
 * test's own on a fixed port, closed and started anew on the same port and data folder.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

    @Test
    void keepsSamplingWhileTheDatabaseIsDownAndWritesTheBufferedRowsWhenItIsBack(CapturedOutput output)
            throws IOException {
        Path base = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
                "outage-");
        Path pgData = base.resolve("postgres");
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(port, pgData);
        // as arguments: they must win over application.yml, as ARASUL_DB_URL would
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ArasulApplication.class).run(
                "--arasul.data-dir=" + base.resolve("data"),
                "--arasul.updates.usb-roots=" + base.resolve("data/usb"), // never the real /media
                "--arasul.db.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--arasul.db.user=postgres",
                "--arasul.db.password=postgres",
                "--arasul.db.connect-timeout-seconds=1",
                "--server.port=0",
                "--arasul.telemetry.interval=200ms",
                "--arasul.telemetry.bucket=1s",
                "--arasul.telemetry.buffer.flush-interval=300ms",
                "--arasul.telemetry.gpu=none");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            MetricRowBuffer buffer = app.getBean(MetricRowBuffer.class);
            LiveMetrics live = app.getBean(LiveMetrics.class);
            DatabaseCheck database = app.getBean(DatabaseCheck.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> cpuRows(jdbc, Instant.EPOCH) > 0);

            postgres.close();
            Instant down = Instant.now();
            await().atMost(Duration.ofSeconds(20)).until(() -> buffer.size() > 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> !database.up());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> live.latest().orElseThrow().timestamp().isAfter(down.plusSeconds(3)));
            assertThat(app.isRunning()).isTrue();

            postgres = startPostgres(port, pgData);
            await().atMost(Duration.ofSeconds(60)).until(() -> cpuRows(jdbc, down) >= 3 && buffer.size() < 100);
            assertThat(buffer.dropped()).isZero();
            assertThat(count(output.getAll(), "Cannot write metric rows")).as("the outage is logged once").isEqualTo(1);
            assertThat(output.getAll()).contains("The database takes metric rows again");
        } finally {
            app.close();
            postgres.close();
        }
    }

    private static long cpuRows(JdbcTemplate jdbc, Instant since) {
        try {
            return jdbc.queryForObject("SELECT count(*) FROM metrics WHERE metric = ? AND bucket_start >= ?",
                    Long.class, MetricNames.CPU_PERCENT, Timestamp.from(since));
        } catch (RuntimeException databaseStillAway) {
            return 0;
        }
    }

    private static EmbeddedPostgres startPostgres(int port, Path dataDirectory) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
