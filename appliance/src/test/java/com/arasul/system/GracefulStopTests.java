package com.arasul.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arasul.ArasulApplication;
import com.arasul.system.internal.RetentionJob;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Closing the appliance (what SIGTERM does through Spring's shutdown hook) is quick and leaves nothing running. */
class GracefulStopTests {

    @Test
    void stopsJobsClosesThePoolAndThenTheEmbeddedDatabaseWellWithinTenSeconds(@TempDir Path dataDir) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ArasulApplication.class)
                .run("--arasul.data-dir=" + dataDir, "--server.port=0", "--arasul.retention.initial-delay=0s",
                        "--arasul.updates.usb-roots=" + dataDir.resolve("usb")); // never the real /media
        HikariDataSource pool = context.getBean(HikariDataSource.class);
        RetentionJob retention = context.getBean(RetentionJob.class);
        int postgresPort = URI.create(pool.getJdbcUrl().substring("jdbc:".length())).getPort();
        assertThat(retention.isRunning()).isTrue();

        long started = System.nanoTime();
        context.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(retention.isRunning()).isFalse();
        assertThat(pool.isClosed()).isTrue();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", postgresPort), 1000);
            }
        }).isInstanceOf(IOException.class);
    }
}
