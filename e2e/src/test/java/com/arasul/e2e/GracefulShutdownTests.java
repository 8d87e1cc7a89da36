package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged appliance, started as the operator starts it, stops cleanly and quickly on SIGTERM. */
class GracefulShutdownTests {

    @TempDir
    Path work;

    @Test
    void exitsWithinTenSecondsOfSigtermAndStopsItsEmbeddedDatabase() throws Exception {
        try (ApplianceProcess appliance = ApplianceProcess.start(ApplianceJar.locate(),
                List.of("-XX:+UseSerialGC", "-Xmx192m"),
                Map.of("ARASUL_ADMIN_PASSWORD", "E2e-Shutdown-Pass-1!"), work)) {
            appliance.awaitReady(Duration.ofMinutes(4));
            ProcessHandle database = appliance.embeddedDatabase().orElseThrow(
                    () -> new AssertionError("no embedded PostgreSQL under " + appliance.dataDir()));

            int exitCode = appliance.terminate(Duration.ofSeconds(10));

            assertThat(exitCode).as("exit code within 10 s of SIGTERM (-1: still running)\n%s",
                    appliance.logTail(30)).isIn(0, 143);
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(database.isAlive()).as("the embedded PostgreSQL left running").isFalse());
        }
    }
}
