package com.arasul.healing;

import static com.arasul.healing.HealingTestContainers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** {@code ARASUL_HEALING_MODE=observe}: every decision is recorded with its reason, and nothing is touched. */
@ApplianceTest
@TestPropertySource(properties = {"arasul.healing.mode=observe", "arasul.healing.engine.scope=hea-o-.*"})
class ObserveModeTests {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void images() {
        HealingTestContainers.images();
    }

    @AfterAll
    static void cleanUp() {
        removeAll();
    }

    @Test
    void recordsTheDecisionButLeavesAKilledContainerDown() {
        String service = "hea-o-killed";
        String id = runManaged(service, SLEEPER);
        await().atMost(Duration.ofSeconds(10)).until(() -> running(id));

        killMainProcess(id);

        await().atMost(Duration.ofSeconds(15)).until(() -> events(jdbc, service, "action_observed") == 1);
        assertThat(jdbc.queryForObject("SELECT description FROM self_healing_events WHERE service = ?"
                + " AND event_type = 'action_observed'", String.class, service))
                .startsWith("Observe mode: this would have run.").contains(service + " is down");
        assertThat(jdbc.queryForMap("SELECT mode, success, result FROM recovery_actions WHERE service = ?", service))
                .containsEntry("mode", "observe").containsEntry("success", null)
                .containsEntry("result", "Not run: observe mode.");
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> !running(id));
    }
}
