package com.arasul.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.platform.PlatformProperties;
import com.arasul.updates.format.SemanticVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;

/**
 * The apply engine on the intake's durable queue: the message leaves the queue in the same database
 * transaction that claims the package, and a package whose turn comes when it no longer fits the box
 * is refused as no longer applicable, with nothing changed.
 */
@ApplyingAppliance
class ApplyQueueTransactionTests {

    private static final Duration APPLIED = Duration.ofSeconds(90);
    private static final String RULE = "package uig;\n\nrule \"uig %s\"\nwhen\nthen\nend\n";

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformProperties platform;
    @Autowired InstalledVersion installed;
    @Autowired com.arasul.platform.ApplianceActivity activity;
    @Autowired @Qualifier(UpdateChannels.APPLY_QUEUE) MessageChannel queue;

    TestPackages packages;

    @BeforeEach
    void setUp() throws Exception {
        packages = new TestPackages(platform.dataDir(), jdbc);
        installed.record(SemanticVersion.parse("1.0.0"), null);
    }

    @Test
    void takesTheMessageOffTheQueueOnlyTogetherWithTheClaimOfItsPackage(@TempDir Path dir) throws Exception {
        UUID id = packages.version("5.0.0").rules(rules(dir, "claimed")).stage(UpdateStatus.QUEUED);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select 1 from update_packages where id = ? for update")) {
                lock.setObject(1, id);
                lock.executeQuery().close();
            }
            send(id);

            // the poller took the message in its transaction and now waits for the row to claim it
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                    select count(*) from pg_stat_activity where wait_event_type = 'Lock'
                    and query like 'update update_packages set status = ''APPLYING''%'""", Integer.class) == 1);
            assertThat(messagesFor(id)).as("the message is not gone while the claim is not committed").isOne();
            assertThat(packages.status(id)).isEqualTo("QUEUED");
            other.rollback();
        }

        await().atMost(APPLIED).until(() -> packages.status(id), "COMMITTED"::equals);
        assertThat(messagesFor(id)).isZero();
    }

    @Test
    void refusesAQueuedPackageThatANewerOneOvertookAsNoLongerApplicable(@TempDir Path dir) throws Exception {
        // 3.0.0 is queued, then 2.5.0 arrives: both wait in the queue, each checked against the box of its time
        UUID newer = packages.version("3.0.0").rules(rules(dir.resolve("a"), "three")).stage(UpdateStatus.QUEUED);
        UUID older = packages.version("2.5.0").rules(rules(dir.resolve("b"), "two-five")).stage(UpdateStatus.QUEUED);
        send(newer);
        send(older);

        await().atMost(APPLIED).until(() -> packages.status(older), "REFUSED"::equals);
        assertThat(packages.status(newer)).isEqualTo("COMMITTED");
        assertThat(installed.current().toString()).isEqualTo("3.0.0");
        assertThat(packages.reason(older)).startsWith("DOWNGRADE: No longer applicable: ");
        assertThat(packages.events(older)).anyMatch(e -> e.startsWith("VERIFY failed: No longer applicable, nothing was changed"))
                .noneMatch(e -> e.startsWith("BACKUP"));
        assertThat(jdbc.queryForObject("select count(*) from update_backups where package_id = ?", Integer.class, older)).isZero();
        assertThat(platform.dataDir().resolve("rules/uig/two-five.drl")).doesNotExist();
        assertThat(platform.dataDir().resolve("updates/staged/" + older)).doesNotExist();
        assertThat(jdbc.queryForObject("select retryable from update_packages where id = ?", Boolean.class, older)).isFalse();
    }

    @Test
    void refusesAPackageWhoseTurnComesDuringCriticalHealingForNowOnly(@TempDir Path dir) throws Exception {
        UUID id = packages.version("6.0.0").rules(rules(dir, "healing")).stage(UpdateStatus.QUEUED);
        activity.criticalHealingStarted("D", "temperature critical");
        try {
            send(id);
            await().atMost(APPLIED).until(() -> packages.status(id), "REFUSED"::equals);
        } finally {
            activity.criticalHealingEnded();
        }
        assertThat(packages.reason(id)).startsWith("CRITICAL_HEALING: No longer applicable: ");
        assertThat(jdbc.queryForObject("select retryable from update_packages where id = ?", Boolean.class, id))
                .as("brought again once the box is healthy, the same file is checked anew").isTrue();
        assertThat(installed.current().toString()).isEqualTo("1.0.0");
    }

    private static Path rules(Path dir, String name) throws Exception {
        Path set = Files.createDirectories(dir.resolve("rules/uig"));
        Files.writeString(set.resolve(name + ".drl"), RULE.formatted(name));
        return dir.resolve("rules");
    }

    private int messagesFor(UUID id) {
        return jdbc.queryForObject("select count(*) from int_channel_message where region = 'updates'"
                + " and position(convert_to(?, 'UTF8') in message_content) > 0", Integer.class, id.toString());
    }

    private void send(UUID id) {
        queue.send(MessageBuilder.withPayload(id.toString()).build());
    }
}
