package com.arasul.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ArasulApplication;
import com.arasul.containers.ImageOperations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A start that finds an update half applied finishes it or rolls it back. The crash is simulated:
 * a first appliance on a fixed data folder leaves the database and the containers exactly as a
 * SIGKILL at that step would (step column written, containers half swapped), then is closed; a
 * second appliance is started on the same data folder and embedded database.
 */
class ResumeAfterRestartTests {

    private static final String INTERRUPTED_INSTALL = UpdateTestImages.PREFIX + "resume-install";
    private static final String INTERRUPTED_GATE = UpdateTestImages.PREFIX + "resume-gate";

    @RegisterExtension
    static final SavedUpdateImages saved = new SavedUpdateImages("v2");

    @Test
    void aStartRollsBackAnInterruptedInstallAndCompletesAnUpdateThatWasPastIt() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "resume-");
        UpdateTestImages.run(INTERRUPTED_INSTALL, "v1");
        UpdateTestImages.run(INTERRUPTED_GATE, "v1");
        String v1 = UpdateTestImages.imageId("v1");
        UUID install;
        UUID gate;
        try (var first = start(data)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            var packages = new TestPackages(data, jdbc);
            install = packages.version("5.0.0").image(INTERRUPTED_INSTALL, saved.tar("v2")).stage(UpdateStatus.READY);
            gate = packages.version("5.0.1").image(INTERRUPTED_GATE, saved.tar("v2")).stage(UpdateStatus.READY);
            ImageOperations images = first.getBean(ImageOperations.class);
            // killed in the middle of Install: the backup saved, the container already swapped to v2
            interruptedAt(jdbc, install, UpdateStep.INSTALL, INTERRUPTED_INSTALL, v1);
            assertThat(images.recreateWithImage(INTERRUPTED_INSTALL, UpdateTestImages.REPOSITORY + ":v2").success()).isTrue();
            // killed after Install, while the health gate waited
            interruptedAt(jdbc, gate, UpdateStep.HEALTH_GATE, INTERRUPTED_GATE, v1);
            assertThat(images.recreateWithImage(INTERRUPTED_GATE, UpdateTestImages.REPOSITORY + ":v2").success()).isTrue();
        }
        assertThat(UpdateTestImages.runningVersion(INTERRUPTED_INSTALL)).isEqualTo("v2");

        try (var second = start(data)) {
            var packages = new TestPackages(data, second.getBean(JdbcTemplate.class));

            await().atMost(Duration.ofSeconds(90)).until(() -> packages.status(install), s -> s.equals("ROLLED_BACK"));
            await().atMost(Duration.ofSeconds(90)).until(() -> packages.status(gate), s -> s.equals("COMMITTED"));
            assertThat(UpdateTestImages.imageOf(INTERRUPTED_INSTALL)).isEqualTo(v1);
            assertThat(UpdateTestImages.runningVersion(INTERRUPTED_INSTALL)).isEqualTo("v1");
            assertThat(packages.reason(install)).contains("stopped while the update was being installed");
            assertThat(UpdateTestImages.runningVersion(INTERRUPTED_GATE)).isEqualTo("v2");
            assertThat(second.getBean(InstalledVersion.class).current().toString()).isEqualTo("5.0.1");
        }
    }

    private static void interruptedAt(JdbcTemplate jdbc, UUID id, UpdateStep step, String service, String imageId) {
        jdbc.update("update update_packages set status = 'APPLYING', step = ? where id = ?", step.name(), id);
        jdbc.update("insert into update_backups (package_id, services) values (?, ?::jsonb)", id,
                "[{\"service\":\"" + service + "\",\"image\":\"" + UpdateTestImages.REPOSITORY + ":v1\",\"imageId\":\"" + imageId + "\"}]");
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(ArasulApplication.class).run(
                "--arasul.data-dir=" + data, "--arasul.updates.usb-roots=" + data.resolve("usb"), "--server.port=0", "--arasul.updates.health-timeout=20s",
                "--arasul.updates.poll-interval=200ms");
    }
}
