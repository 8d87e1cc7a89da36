package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ArasulApplication;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.format.SemanticVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** A package accepted into the apply queue is still there after the appliance restarted, and is applied then. */
class ApplyQueueRestartTests {

    @Test
    void aQueuedPackageSurvivesARestartOfTheAppliance(@TempDir Path dataDir) throws Exception {
        UUID id;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            // the appliance stops before its turn: the apply queue's consumer does not take it in this run
            first.getBean("updateApplyClaim", org.springframework.context.Lifecycle.class).stop();
            first.getBean(InstalledVersion.class).record(SemanticVersion.parse("2.0.0"), null);
            TestPackages packages = new TestPackages(Files.createDirectories(dataDir.resolve("packages")))
                    .trustedBy(first.getBean(IntakeFolders.class).trustedKeys());
            Path built = packages.rules("2.1.0", "2.0.0");
            Path stick = Files.createDirectories(dataDir.resolve("usb/stick/updates"));
            Files.copy(built, stick.resolve("release.araupdate"));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            String sha256 = UploadIntakeTests.Sha256.of(built);

            await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(jdbc.queryForList(
                    "select status from update_packages where sha256 = ?", String.class, sha256).stream().findFirst().orElse(null)));
            id = jdbc.queryForObject("select id from update_packages where sha256 = ?", UUID.class, sha256);
            assertThat(probe(first).holds(id)).isTrue();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            ApplyQueueProbe queue = probe(second);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            UUID queued = id;
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "select status from update_packages where id = ?", String.class, queued), "COMMITTED"::equals);
            assertThat(queue.holds(queued)).as("%s", jdbc.queryForList("select message_id, group_key, region, created_date"
                    + " from int_channel_message")).isFalse();
            assertThat(second.getBean(InstalledVersion.class).current().toString()).isEqualTo("2.1.0");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ArasulApplication.class).run("--arasul.data-dir=" + dataDir,
                "--server.port=0", "--arasul.updates.usb-roots=" + dataDir.resolve("usb"),
                "--arasul.updates.usb-settle-age=1s", "--arasul.updates.usb-poll-interval=500ms");
    }

    private static ApplyQueueProbe probe(ConfigurableApplicationContext context) {
        return new ApplyQueueProbe(context.getBean("updateChannelStore", JdbcChannelMessageStore.class),
                context.getBean(JdbcTemplate.class));
    }
}
