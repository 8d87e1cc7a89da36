package com.arasul.healing;

import static com.arasul.containers.DockerCli.docker;
import static com.arasul.healing.HealingTestContainers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import com.arasul.healing.internal.HealingRuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The whole appliance healing real containers on the real Docker engine, confined to its own {@code hea-f-} services. */
@ApplianceTest
@TestPropertySource(properties = {"arasul.healing.mode=act", "arasul.healing.engine.scope=hea-f-.*",
        "arasul.healing.engine.prune-labels=arasul.test=hea", "arasul.docker.poll-interval=2s"})
class HealingFlowsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HealingRuleSource rules;

    @BeforeAll
    static void images() {
        removeAll();
        HealingTestContainers.images();
    }

    @AfterAll
    static void cleanUp() {
        removeAll();
    }

    @Test
    void restartsAManagedContainerWhoseMainProcessWasKilledAndRecordsIt() {
        String service = "hea-f-killed";
        String id = runManaged(service, SLEEPER);
        await().atMost(Duration.ofSeconds(10)).until(() -> running(id));
        Instant firstStart = startedAt(id);

        killMainProcess(id);

        await().atMost(Duration.ofSeconds(15)).until(() -> running(id) && startedAt(id).isAfter(firstStart));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(actions(jdbc, service, "RESTART_SERVICE", "act")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT success FROM recovery_actions WHERE service = ?", Boolean.class,
                    service)).isTrue();
            assertThat(jdbc.queryForObject("SELECT rule_name FROM recovery_actions WHERE service = ?", String.class,
                    service)).startsWith("A1");
            assertThat(events(jdbc, service, "service_failure")).isEqualTo(1);
            // the die event usually comes first; on a busy machine the 2 s state poll may see it exited first
            assertThat(jdbc.queryForObject("SELECT failure_type FROM service_failures WHERE service = ?", String.class,
                    service)).isIn("died", "found_down");
        });
    }

    @Test
    void restartsAContainerWhoseHealthCheckStartsFailing() {
        String service = "hea-f-sick";
        String id = runManaged(service, HEALTH);
        await().atMost(Duration.ofSeconds(15)).until(() -> "healthy".equals(health(id)));
        Instant firstStart = startedAt(id);

        docker("exec", id, "rm", "/tmp/healthy").orFail();

        await().atMost(Duration.ofSeconds(20)).until(() -> startedAt(id).isAfter(firstStart));
        await().atMost(Duration.ofSeconds(15)).until(() -> "healthy".equals(health(id)));
        assertThat(actions(jdbc, service, "RESTART_SERVICE", "act")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT failure_type FROM service_failures WHERE service = ? LIMIT 1",
                String.class, service)).isEqualTo("unhealthy");
    }

    @Test
    void neverTouchesAnUnlabelledContainer() {
        docker("rm", "-f", "hea-f-stranger");
        String stranger = docker("run", "-d", "--name", "hea-f-stranger", SLEEPER).orFail().out().strip();
        String witness = runManaged("hea-f-witness", SLEEPER);
        await().atMost(Duration.ofSeconds(10)).until(() -> running(stranger) && running(witness));
        Instant witnessStart = startedAt(witness);

        killMainProcess(stranger);
        killMainProcess(witness);

        // the witness died after the stranger: had the stranger been healed, it would have been by now
        await().atMost(Duration.ofSeconds(15)).until(() -> running(witness) && startedAt(witness).isAfter(witnessStart));
        assertThat(running(stranger)).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM self_healing_events WHERE description LIKE '%stranger%'",
                Integer.class)).isZero();
    }

    @Test
    void refusesABrokenRuleFileAndKeepsHealingWithTheLastGoodRules() throws Exception {
        long versionBefore = rules.ruleSet().version();
        Path broken = rules.ruleSet().folder().resolve("broken.drl");
        // written under a name the watcher ignores and moved in whole: a file created and then filled is seen empty
        // first by the watcher, and an empty file is a valid rule set that would count as a new version
        Path draft = Files.createTempFile(rules.ruleSet().folder(), ".broken", ".tmp");
        Files.writeString(draft, "package healing;\n\nrule \"half written\"\nwhen\n    ContainerEvent( \nthen\nend\n");
        Files.move(draft, broken, StandardCopyOption.ATOMIC_MOVE);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> rules.ruleSet().lastAttempt()
                    .map(b -> !b.ok() && b.files().contains("healing/broken.drl")).orElse(false));
            assertThat(rules.ruleSet().lastAttempt().orElseThrow().errors())
                    .anySatisfy(m -> assertThat(m.file()).isEqualTo("healing/broken.drl"));
            assertThat(rules.ruleSet().version()).isEqualTo(versionBefore);

            String service = "hea-f-after-broken";
            String id = runManaged(service, SLEEPER);
            await().atMost(Duration.ofSeconds(10)).until(() -> running(id));
            Instant firstStart = startedAt(id);
            killMainProcess(id);
            await().atMost(Duration.ofSeconds(15)).until(() -> running(id) && startedAt(id).isAfter(firstStart));
            await().atMost(Duration.ofSeconds(20)).until(() -> actions(jdbc, service, "RESTART_SERVICE", "act") == 1);
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    private static String health(String id) {
        return docker("inspect", "--format", "{{.State.Health.Status}}", id).out().strip();
    }
}
