package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged appliance killed with SIGKILL (its embedded PostgreSQL with it, as when its
 * container dies) in the middle of applying an update, then started again on the same data folder:
 * the update is finished or rolled back, never left half, and the service runs one whole version.
 *
 * <p>The windows are real, no test hook in the appliance: v2 carries 160 MiB of random ballast, so
 * its {@code docker load} keeps the update in Install for seconds, and its health check first runs
 * after 4 s, so the health gate waits that long.
 */
class UpdateKilledMidwayTests {

    private static final String PASSWORD = "E2e-Update-Kill-Pass-1!";
    // the status is polled every 10 ms to catch the step: the API's rate limit must allow that
    private static final List<String> JAVA = List.of("-XX:+UseSerialGC", "-Xmx256m",
            "-Darasul.updates.health-timeout=60s", "-Darasul.updates.poll-interval=200ms",
            "-Darasul.security.rate-limits.api.requests=100000");

    @TempDir
    static Path shared;
    static Path packages;

    @TempDir
    Path work;

    @BeforeAll
    static void imagesAndPackages() throws Exception {
        ServiceImages.buildV1AndV2();
        packages = Files.createDirectories(shared.resolve("packages"));
        Path v2 = ServiceImages.save("v2", shared);
        UpdateCli.keygen(packages.resolve("keys"));
        for (String version : List.of("2.0.0", "2.0.1")) {
            UpdateCli.create(version, packages.resolve("keys/private.pem"), ServiceImages.SERVICE, v2,
                    packages.resolve(version + ".araupdate"));
        }
    }

    @AfterEach
    void removeService() {
        Docker.run("rm", "-f", ServiceImages.SERVICE);
        Docker.run("rm", "-f", ServiceImages.SERVICE + "-arasul-previous");
    }

    @AfterAll
    static void removeImages() {
        Docker.removeEverythingNamed(ServiceImages.SERVICE);
    }

    @Test
    void anUpdateKilledInTheMiddleOfInstallIsRolledBackByTheNextStart() throws Exception {
        ServiceImages.runService("v1");
        String id = applyAndKillAt("2.0.0", "INSTALL");

        try (ApplianceProcess again = start()) {
            UpdateApi api = UpdateApi.login(again, PASSWORD);
            JsonNode done = api.awaitFinished(id, Duration.ofMinutes(3));

            assertThat(done.get("status").asString()).as("%s%n%s", done, again.logTail(40)).isIn("ROLLED_BACK", "COMMITTED");
            String runs = ServiceImages.runningVersion();
            assertThat(runs).as("one whole version runs").isEqualTo(done.get("status").asString().equals("COMMITTED") ? "v2" : "v1");
            assertThat(ServiceImages.imageIdOfService()).isEqualTo(ServiceImages.imageId(runs));
            if (done.get("status").asString().equals("ROLLED_BACK")) {
                assertThat(done.get("events").valueStream().map(e -> e.get("message").asString()))
                        .anyMatch(m -> m.contains("stopped while the update was being installed"));
            }
        }
    }

    @Test
    void anUpdateKilledAtTheHealthGateIsCompletedByTheNextStart() throws Exception {
        ServiceImages.runService("v1");
        String id = applyAndKillAt("2.0.1", "HEALTH_GATE");

        try (ApplianceProcess again = start()) {
            UpdateApi api = UpdateApi.login(again, PASSWORD);
            JsonNode done = api.awaitFinished(id, Duration.ofMinutes(3));

            assertThat(done.get("status").asString()).as("%s%n%s", done, again.logTail(40)).isEqualTo("COMMITTED");
            assertThat(ServiceImages.runningVersion()).isEqualTo("v2");
            assertThat(ServiceImages.imageIdOfService()).isEqualTo(ServiceImages.imageId("v2"));
        }
    }

    /** Uploads and applies the package, and kills the appliance the moment the update is at {@code step}. */
    private String applyAndKillAt(String version, String step) throws Exception {
        try (ApplianceProcess first = start()) {
            Path keys = Files.createDirectories(first.dataDir().resolve("config/update-keys"));
            Files.copy(packages.resolve("keys/public.pem"), keys.resolve("e2e.pem"));
            UpdateApi api = UpdateApi.login(first, PASSWORD);
            String id = api.upload(packages.resolve(version + ".araupdate"));
            api.apply(id);

            JsonNode seen = api.awaitStep(id, step, Duration.ofMinutes(3));
            first.kill();

            assertThat(seen.get("status").asString()).isEqualTo("APPLYING");
            return id;
        }
    }

    private ApplianceProcess start() throws InterruptedException {
        ApplianceProcess appliance = ApplianceProcess.start(ApplianceJar.locate(), JAVA,
                Map.of("ARASUL_ADMIN_PASSWORD", PASSWORD), work);
        appliance.awaitReady(Duration.ofMinutes(4));
        return appliance;
    }
}
