package com.arasul.updates;

import static com.arasul.updates.UpdateTestImages.imageId;
import static com.arasul.updates.UpdateTestImages.imageOf;
import static com.arasul.updates.UpdateTestImages.runningVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.arasul.containers.DockerCli;
import com.arasul.platform.PlatformProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** End to end on real Docker and PostgreSQL: a package applied through the API, committed or rolled back. */
@ApplyingAppliance
class ApplyUpdateTests {

    private static final String SERVICE = UpdateTestImages.REPOSITORY;
    private static final Duration APPLIED = Duration.ofSeconds(90);

    @RegisterExtension
    static final SavedUpdateImages images = new SavedUpdateImages("v2", "v3");

    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformProperties platform;
    @Autowired
    InstalledVersion installed;

    TestPackages packages;

    @BeforeEach
    void setUp() throws Exception {
        packages = new TestPackages(platform.dataDir(), jdbc);
        installed.record(com.arasul.updates.format.SemanticVersion.parse("1.0.0"), null); // every package here is newer
    }

    @Test
    void appliesAPackageSoTheServiceRunsTheNewImageAndRecordsTheVersion() throws Exception {
        UpdateTestImages.run(SERVICE, "v1");
        UUID id = packages.version("2.0.0").image(SERVICE, images.tar("v2")).stage(UpdateStatus.READY);

        apply(id).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.timestamp").exists());

        await().atMost(APPLIED).until(() -> packages.status(id), s -> s.equals("COMMITTED"));
        assertThat(runningVersion(SERVICE)).isEqualTo("v2");
        assertThat(imageOf(SERVICE)).isEqualTo(imageId("v2"));
        assertThat(installed.current().toString()).isEqualTo("2.0.0");
        assertThat(packages.events(id)).anyMatch(e -> e.contains("Installing image for " + SERVICE + " (v2.0.0)"))
                .anyMatch(e -> e.startsWith("COMMIT done: Version 2.0.0 is installed"));
        assertThat(DockerCli.docker("inspect", SERVICE + "-arasul-previous").exitCode())
                .as("the previous container is discarded on commit").isNotZero();
        assertThat(Files.exists(platform.dataDir().resolve("updates/staged/" + id))).isFalse();
    }

    @Test
    void rollsBackByItselfWhenTheNewContainerFailsItsHealthCheck() throws Exception {
        UpdateTestImages.run(SERVICE, "v2");
        UUID id = packages.version("3.0.0").image(SERVICE, images.tar("v3")).stage(UpdateStatus.READY);

        apply(id).andExpect(status().isAccepted());

        await().atMost(APPLIED).until(() -> packages.status(id), s -> s.equals("ROLLED_BACK"));
        assertThat(imageOf(SERVICE)).isEqualTo(imageId("v2"));
        assertThat(runningVersion(SERVICE)).isEqualTo("v2");
        assertThat(DockerCli.inspect(SERVICE, "{{.State.Running}} {{.HostConfig.RestartPolicy.Name}}"))
                .isEqualTo("true unless-stopped");
        assertThat(packages.reason(id)).contains(SERVICE).contains("restoring the previous version");
        assertThat(packages.events(id)).anyMatch(e -> e.startsWith("ROLLBACK done: The previous version is back in place"));
        assertThat(installed.current().toString()).isNotEqualTo("3.0.0");
    }

    @Test
    void rollsTheDatabaseBackToTheTagWhenTheHealthGateFails(@TempDir Path dir) throws Exception {
        UpdateTestImages.run(SERVICE, "v2");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("changelog.sql"), """
                --liquibase formatted sql

                --changeset uap:1
                CREATE TABLE uap_added (id INT PRIMARY KEY);
                --rollback DROP TABLE uap_added;
                """);
        UUID id = packages.version("3.1.0").image(SERVICE, images.tar("v3")).migrations(migrations).stage(UpdateStatus.READY);

        apply(id).andExpect(status().isAccepted());

        await().atMost(APPLIED).until(() -> packages.status(id), s -> s.equals("ROLLED_BACK"));
        assertThat(packages.events(id)).anyMatch(e -> e.startsWith("INSTALL done: The database is updated"));
        assertThat(jdbc.queryForObject("select to_regclass('public.uap_added') is null", Boolean.class))
                .as("the table the package added is gone").isTrue();
        assertThat(jdbc.queryForObject("select db_dump from update_backups where package_id = ?", String.class, id))
                .as("a pg_dump was made before the migration").endsWith("database.dump");
        assertThat(imageOf(SERVICE)).isEqualTo(imageId("v2"));
    }

    @Test
    void answersNotFoundForAnUnknownPackageAndConflictForOneThatIsNotReady() throws Exception {
        apply(UUID.randomUUID()).andExpect(status().isNotFound()).andExpect(jsonPath("$.message").exists());
        UUID queued = packages.version("9.0.0").image(SERVICE, images.tar("v2")).stage(UpdateStatus.REFUSED);

        apply(queued).andExpect(status().isConflict()).andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("READY")));
    }

    @Test
    void refusesAPackageThatReplacesTheAppliancesOwnContainer() throws Exception {
        UUID id = packages.version("9.1.0").image("arasul", images.tar("v2")).stage(UpdateStatus.READY);

        apply(id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("own container")));
        assertThat(packages.status(id)).isEqualTo("READY");
    }

    private org.springframework.test.web.servlet.ResultActions apply(UUID id) throws Exception {
        return http.perform(post("/api/update/apply").contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\":\"" + id + "\"}"));
    }
}
