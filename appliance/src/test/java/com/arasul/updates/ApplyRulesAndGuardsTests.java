package com.arasul.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;

/** Rules components installed and restored, and the engine's own guards, fed straight from the apply queue. */
@ApplyingAppliance
class ApplyRulesAndGuardsTests {

    private static final String SERVICE = UpdateTestImages.REPOSITORY;
    private static final Duration APPLIED = Duration.ofSeconds(90);
    private static final String OLD_RULE = "package uap;\n\nrule \"uap old\"\nwhen\nthen\nend\n";
    private static final String NEW_RULE = "package uap;\n\nrule \"uap new\"\nwhen\nthen\nend\n";

    @RegisterExtension
    static final SavedUpdateImages images = new SavedUpdateImages("v3");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformProperties platform;
    @Autowired
    @Qualifier(UpdateChannels.APPLY_QUEUE)
    MessageChannel queue;
    @Autowired
    InstalledVersion installed;

    TestPackages packages;
    Path rules;

    @BeforeEach
    void setUp() throws Exception {
        packages = new TestPackages(platform.dataDir(), jdbc);
        installed.record(com.arasul.updates.format.SemanticVersion.parse("1.0.0"), null); // every package here is newer
        rules = platform.dataDir().resolve("rules/uap");
        PackageRulesFiles.delete(rules);
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("old.drl"), OLD_RULE);
    }

    @Test
    void installsTheRulesOfAPackage(@TempDir Path dir) throws Exception {
        Path payload = Files.createDirectories(dir.resolve("rules/uap"));
        Files.writeString(payload.resolve("new.drl"), NEW_RULE);
        UUID id = packages.version("4.0.0").rules(dir.resolve("rules")).stage(UpdateStatus.QUEUED);

        send(id);

        await().atMost(APPLIED).until(() -> packages.status(id), s -> s.equals("COMMITTED"));
        assertThat(Files.readString(rules.resolve("new.drl"))).isEqualTo(NEW_RULE);
        assertThat(Files.readString(rules.resolve("old.drl"))).isEqualTo(OLD_RULE);
    }

    @Test
    void restoresTheOldRulesWhenTheUpdateIsRolledBack(@TempDir Path dir) throws Exception {
        UpdateTestImages.run(SERVICE, "v2");
        Path payload = Files.createDirectories(dir.resolve("rules/uap"));
        Files.writeString(payload.resolve("old.drl"), NEW_RULE.replace("uap new", "uap old, changed"));
        Files.writeString(payload.resolve("new.drl"), NEW_RULE);
        UUID id = packages.version("4.1.0").image(SERVICE, images.tar("v3")).rules(dir.resolve("rules")).stage(UpdateStatus.QUEUED);

        send(id);

        await().atMost(APPLIED).until(() -> packages.status(id), s -> s.equals("ROLLED_BACK"));
        assertThat(packages.events(id)).anyMatch(e -> e.startsWith("INSTALL done: The new rules are in place"));
        assertThat(Files.readString(rules.resolve("old.drl"))).isEqualTo(OLD_RULE);
        assertThat(rules.resolve("new.drl")).doesNotExist();
        assertThat(UpdateTestImages.runningVersion(SERVICE)).isEqualTo("v2");
    }

    @Test
    void refusesRulesThatDoNotCompileAndChangesNothing(@TempDir Path dir) throws Exception {
        Path payload = Files.createDirectories(dir.resolve("rules/uap"));
        Files.writeString(payload.resolve("broken.drl"), "package uap;\n\nrule \"broken\"\nwhen\n  nonsense(\nthen\nend\n");
        UUID id = packages.version("4.2.0").rules(dir.resolve("rules")).stage(UpdateStatus.QUEUED);

        send(id);

        await().atMost(APPLIED).until(() -> packages.status(id), s -> s.equals("REFUSED"));
        assertThat(packages.reason(id)).contains("do not compile").contains("broken.drl");
        assertThat(rules.resolve("broken.drl")).doesNotExist();
    }

    @Test
    void refusesAQueuedPackageThatReplacesTheAppliancesOwnContainer() throws Exception {
        UUID id = packages.version("4.3.0").image("arasul", images.tar("v3")).stage(UpdateStatus.QUEUED);

        send(id);

        await().atMost(APPLIED).until(() -> packages.status(id), s -> s.equals("REFUSED"));
        assertThat(packages.reason(id)).startsWith("SELF_UPDATE: ").contains("appliance's own container");
    }

    @Test
    void refusesAPackageForAServiceThatDoesNotRunHere() throws Exception {
        UUID id = packages.version("4.4.0").image(UpdateTestImages.PREFIX + "nowhere", images.tar("v3")).stage(UpdateStatus.QUEUED);

        send(id);

        await().atMost(APPLIED).until(() -> packages.status(id), s -> s.equals("REFUSED"));
        assertThat(packages.reason(id)).startsWith("UNKNOWN_SERVICE: ").contains(UpdateTestImages.PREFIX + "nowhere");
    }

    private void send(UUID id) {
        queue.send(MessageBuilder.withPayload(id.toString()).build());
    }
}
