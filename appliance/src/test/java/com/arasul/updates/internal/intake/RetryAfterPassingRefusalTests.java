package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.arasul.platform.ApplianceActivity;
import com.arasul.platform.DataDirectory;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.format.SemanticVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.jdbc.metadata.JdbcMetadataStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A package refused only for the box's passing state may be brought again, the same file, and is
 * checked anew; one refused for its content stays refused. A stick whose package was marked seen by
 * a run that died before it recorded the package is read again.
 */
@IntakeTest
class RetryAfterPassingRefusalTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired InstalledVersion installed;
    @Autowired ApplianceActivity activity;
    @Autowired IntakeFolders folders;
    @Autowired DataDirectory data;
    @Autowired JdbcMetadataStore usbSeenPackages;

    TestPackages packages;

    @BeforeEach
    void boxRunsVersionTwo() throws Exception {
        installed.record(SemanticVersion.parse("2.0.0"), null);
        packages = new TestPackages(Files.createTempDirectory(data.root(), "packages-")).trustedBy(folders.trustedKeys());
    }

    @AfterEach
    void boxCalmAgain() {
        activity.criticalHealingEnded();
        activity.runningUpdate().ifPresent(u -> activity.updateEnded(u.packageId()));
    }

    @Test
    void anUploadRefusedWhileAnotherUpdateRanIsAcceptedWhenTheSameFileIsUploadedAgain() throws Exception {
        Path file = packages.rules("2.1.0", "2.0.0");
        UUID other = UUID.randomUUID();
        assertThat(activity.updateStarted(other, "2.0.5", Set.of())).isTrue();
        String refused = upload(file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[*].code").value(hasItem("UPDATE_RUNNING")))
                .andExpect(jsonPath("$.retryable").value(true))
                .andReturn().getResponse().getContentAsString();
        activity.updateEnded(other);

        String accepted = upload(file).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("READY"))
                .andExpect(jsonPath("$.reasons").isEmpty())
                .andReturn().getResponse().getContentAsString();

        assertThat(idOf(accepted)).as("the same package row, checked anew").isEqualTo(idOf(refused));
        assertThat(jdbc.queryForMap("select status, reason, retryable from update_packages where id = ?", idOf(accepted)))
                .containsEntry("status", "READY").containsEntry("reason", null).containsEntry("retryable", false);
        assertThat(jdbc.queryForList("select step || ':' || status from update_events where package_id = ? order by id",
                String.class, idOf(accepted))).endsWith("RECEIVE:done", "VERIFY:done", "VALIDATE:done", "VALIDATE:ready");
        assertThat(folders.stagingOf(idOf(accepted))).isDirectory();
    }

    @Test
    void anUploadRefusedForItsContentStaysRefusedWhenTheSameFileComesAgain() throws Exception {
        Path file = packages.rules("1.9.0", "1.0.0");
        upload(file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[*].code").value(hasItem("DOWNGRADE")))
                .andExpect(jsonPath("$.retryable").value(false));

        upload(file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[*].code").value(hasItem("ALREADY_RECEIVED")))
                .andExpect(jsonPath("$.retryable").value(false));
        assertThat(jdbc.queryForObject("select status from update_packages where sha256 = ?", String.class,
                UploadIntakeTests.Sha256.of(file))).isEqualTo("REFUSED");
    }

    @Test
    void aStickRefusedDuringCriticalHealingIsTakenAgainOnceItIsPluggedInAgainButNotWhileItStaysIn() throws Exception {
        Path built = packages.rules("2.2.0", "2.0.0");
        String sha256 = UploadIntakeTests.Sha256.of(built);
        Path stick = data.root().resolve("usb/stick-healing");
        activity.criticalHealingStarted("C", "a service keeps failing");
        Files.createDirectories(stick.resolve("updates"));
        Files.copy(built, stick.resolve("updates/healing-2.2.0.araupdate"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUSED".equals(statusOf(sha256)));
        UUID id = jdbc.queryForObject("select id from update_packages where sha256 = ?", UUID.class, sha256);
        assertThat(jdbc.queryForObject("select retryable from update_packages where id = ?", Boolean.class, id)).isTrue();
        activity.criticalHealingEnded();

        // still plugged in: not read over and over, although the box is calm now
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> "REFUSED".equals(statusOf(sha256)));

        Path unplugged = data.root().resolve("unplugged-stick");
        Files.move(stick, unplugged);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !Files.exists(stick)); // a rescan without it
        Files.move(unplugged, stick);

        await().atMost(Duration.ofSeconds(60)).until(() -> "COMMITTED".equals(statusOf(sha256)));
        assertThat(jdbc.queryForObject("select count(*) from update_packages where sha256 = ?", Integer.class, sha256)).isOne();
        assertThat(jdbc.queryForList("select message from update_events where package_id = ? and step = 'RECEIVE' order by id",
                String.class, id)).hasSize(2).last().asString().contains("again").contains("checked anew");
    }

    @Test
    void aPackageMarkedSeenByARunThatDiedBeforeRecordingItIsTakenFromTheStick() throws Exception {
        Path built = packages.rules("2.3.0", "2.0.0");
        String sha256 = UploadIntakeTests.Sha256.of(built);
        // what a run that was killed between marking the file and writing its row leaves behind
        usbSeenPackages.put(ContentAcceptOnceFilter.KEY_PREFIX + sha256,
                UUID.randomUUID() + " lost-2.3.0.araupdate at 2026-01-01T00:00:00Z");
        Path stick = Files.createDirectories(data.root().resolve("usb/stick-lost/updates"));
        Files.copy(built, stick.resolve("lost-2.3.0.araupdate"));

        await().atMost(Duration.ofSeconds(60)).until(() -> "COMMITTED".equals(statusOf(sha256)));
        assertThat(installed.current().toString()).isEqualTo("2.3.0");
    }

    private String statusOf(String sha256) {
        return jdbc.queryForList("select status from update_packages where sha256 = ?", String.class, sha256).stream()
                .findFirst().orElse(null);
    }

    private static UUID idOf(String body) {
        return UUID.fromString(body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
    }

    private ResultActions upload(Path file) throws Exception {
        return mvc.perform(multipart("/api/update/upload")
                .file(new MockMultipartFile("file", file.getFileName().toString(), "application/octet-stream",
                        Files.readAllBytes(file)))
                .with(user("admin")).with(csrf()));
    }
}
