package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.arasul.containers.DockerCli;
import com.arasul.containers.ServiceLabels;
import com.arasul.containers.TestImages;
import com.arasul.platform.ApplianceActivity;
import com.arasul.platform.DataDirectory;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.format.SemanticVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The upload door: every package is verified and validated, and only a good one becomes READY. */
@IntakeTest
class UploadIntakeTests {

    static final String PREFIX = "uig-i-";
    static final String MANAGED = PREFIX + "vision";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired InstalledVersion installed;
    @Autowired ApplianceActivity activity;
    @Autowired IntakeTest.AdjustableFreeDisk disk;
    @Autowired IntakeFolders folders;
    @Autowired DataDirectory data;

    TestPackages packages;

    /** A real managed container, so that image components for it pass the managed-service rule. */
    @BeforeAll
    static void managedService() {
        DockerCli.removeEverythingNamed(PREFIX);
        TestImages.sleeper(PREFIX + "sleeper:v1");
        DockerCli.docker("run", "-d", "--name", MANAGED, "--label", ServiceLabels.SERVICE + "=" + MANAGED,
                PREFIX + "sleeper:v1").orFail();
    }

    @AfterAll
    static void removeContainer() {
        DockerCli.removeEverythingNamed(PREFIX);
    }

    @BeforeEach
    void boxRunsVersionTwo() throws IOException {
        installed.record(SemanticVersion.parse("2.0.0"), null);
        packages = new TestPackages(Files.createTempDirectory(data.root(), "packages-")).trustedBy(folders.trustedKeys());
    }

    @AfterEach
    void boxCalmAgain() {
        disk.real();
        activity.criticalHealingEnded();
        activity.runningUpdate().ifPresent(u -> activity.updateEnded(u.packageId()));
    }

    @Test
    void acceptsAValidPackageAsReadyWithItsRowAndEvents() throws Exception {
        Path file = packages.images("2.1.0", "2.0.0", MANAGED);

        String id = upload(file).andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").exists())
                .andExpect(jsonPath("$.status").value("READY"))
                .andExpect(jsonPath("$.version").value("2.1.0"))
                .andExpect(jsonPath("$.reasons").isEmpty())
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        UUID packageId = UUID.fromString(id);
        assertThat(jdbc.queryForMap("select status, source, version, sha256, manifest is not null as has_manifest "
                + "from update_packages where id = ?", packageId))
                .containsEntry("status", "READY").containsEntry("source", "upload").containsEntry("version", "2.1.0")
                .containsEntry("sha256", Sha256.of(file)).containsEntry("has_manifest", true);
        assertThat(jdbc.queryForList("select step || ':' || status from update_events where package_id = ? order by id",
                String.class, packageId)).containsExactly("RECEIVE:done", "VERIFY:done", "VALIDATE:done", "VALIDATE:ready");
        assertThat(folders.stagingOf(packageId).resolve("images/" + MANAGED + ".tar")).exists();
        assertThat(folders.incoming()).isEmptyDirectory();
    }

    @Test
    void refusesADowngrade() throws Exception {
        refused(packages.rules("1.9.0", "1.0.0"), "DOWNGRADE");
    }

    @Test
    void refusesAReinstallOfTheInstalledVersion() throws Exception {
        refused(packages.rules("2.0.0", "1.0.0"), "REINSTALL");
    }

    @Test
    void refusesAPackageWhoseMinimumVersionIsNewerThanTheInstalledOne() throws Exception {
        refused(packages.rules("2.5.0", "2.1.0"), "MIN_VERSION_NOT_MET");
    }

    @Test
    void refusesAnImageForAServiceThatNoContainerIsManagedAs() throws Exception {
        refused(packages.images("2.1.0", "2.0.0", PREFIX + "nosuch"), "UNKNOWN_SERVICE");
    }

    @Test
    void refusesAnImageForTheAppliancesOwnContainer() throws Exception {
        refused(packages.images("2.1.0", "2.0.0", "arasul"), "SELF_UPDATE")
                .andExpect(jsonPath("$.reasons[0].message").value(
                        org.hamcrest.Matchers.containsString("updating the appliance itself is not supported yet")));
    }

    @Test
    void refusesAPackageWhenTheDiskHasNoRoomForTwiceThePayload() throws Exception {
        Path file = packages.images("2.1.0", "2.0.0", MANAGED);
        disk.pretend(100, folders.staging()); // the payload is a few hundred bytes
        refused(file, "NOT_ENOUGH_DISK");
    }

    @Test
    void refusesAnUploadBeforeWritingItWhenTheDiskCannotTakeItAndKeepTheReserve() throws Exception {
        disk.pretend(100);

        upload(packages.rules("2.1.0", "2.0.0")).andExpect(status().isInsufficientStorage())
                .andExpect(jsonPath("$.status").value(507))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("must stay free")));
        assertThat(folders.incoming()).isEmptyDirectory();
    }

    @Test
    void refusesAPackageWhileAnotherUpdateIsRunning() throws Exception {
        assertThat(activity.updateStarted(UUID.randomUUID(), "2.0.5", Set.of(MANAGED))).isTrue();
        refused(packages.rules("2.1.0", "2.0.0"), "UPDATE_RUNNING");
    }

    @Test
    void refusesAPackageWhileCriticalHealingIsUnderWay() throws Exception {
        activity.criticalHealingStarted("D", "temperature critical");
        refused(packages.rules("2.1.0", "2.0.0"), "CRITICAL_HEALING");
    }

    @Test
    void refusesAForgedPackageWithTheVerifiersReason() throws Exception {
        Path file = packages.rules("2.1.0", "2.0.0");
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"2.1.0\"") + 1; // promote the package to 9.1.0 without its signature knowing
        bytes[at] = '9';
        Files.write(file, bytes);
        refused(file, "BAD_SIGNATURE");
    }

    @Test
    void refusesAPackageSignedWithAKeyTheApplianceDoesNotTrust() throws Exception {
        Path file = new TestPackages(Files.createTempDirectory(data.root(), "untrusted-")).rules("2.1.0", "2.0.0");
        refused(file, "UNKNOWN_KEY");
    }

    @Test
    void refusesTheSameFileUploadedAgainAsAlreadyReceived() throws Exception {
        Path file = packages.rules("2.1.0", "2.0.0");
        upload(file).andExpect(status().isOk());

        upload(file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[*].code").value(hasItem("ALREADY_RECEIVED")));
        assertThat(jdbc.queryForObject("select count(*) from update_packages where sha256 = ?", Integer.class,
                Sha256.of(file))).isEqualTo(1);
        assertThat(folders.incoming()).isEmptyDirectory();
    }

    private ResultActions refused(Path file, String code) throws Exception {
        ResultActions result = upload(file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.reasons[*].code").value(hasItem(code)));
        String body = result.andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        assertThat(jdbc.queryForMap("select status, reason from update_packages where id = ?", id))
                .containsEntry("status", "REFUSED")
                .hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains(code + ": "));
        assertThat(jdbc.queryForList("select status from update_events where package_id = ? order by id desc limit 1",
                String.class, id)).containsExactly("failed");
        assertThat(folders.stagingOf(id)).doesNotExist();
        assertThat(folders.incoming()).isEmptyDirectory();
        return result;
    }

    private ResultActions upload(Path file) throws Exception {
        return mvc.perform(multipart("/api/update/upload")
                .file(new MockMultipartFile("file", file.getFileName().toString(), "application/octet-stream",
                        Files.readAllBytes(file)))
                .with(user("admin")).with(csrf()));
    }

    static final class Sha256 {
        static String of(Path file) throws IOException {
            return java.util.HexFormat.of().formatHex(FileHashes.newSha256().digest(Files.readAllBytes(file)));
        }
    }

}
