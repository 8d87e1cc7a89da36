package com.arasul.healing;

import static com.arasul.healing.HealingTestContainers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import com.arasul.healing.internal.Decider;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A container that fails two seconds after every start. The back-off and the cap are shortened
 * (20 s first pause, 2 restarts) so that the loop reaches category C in about a minute.
 */
@ApplianceTest
@TestPropertySource(properties = {"arasul.healing.mode=act", "arasul.healing.engine.scope=hea-c-.*",
        "arasul.healing.engine.prune-labels=arasul.test=hea", "arasul.docker.poll-interval=1s",
        "arasul.healing.restart-backoff-initial=20s", "arasul.healing.max-restarts=2"})
class CrashLoopTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SafetyFloor floor;

    @Autowired
    Decider decider;

    @BeforeAll
    static void images() {
        HealingTestContainers.images();
    }

    @AfterAll
    static void cleanUp() {
        removeAll();
    }

    @Test
    void backsOffLongerEachTimeEscalatesToCategoryCAndRestartsNoMoreThanTheCap() {
        String service = "hea-c-looper";
        runManaged(service, CRASHER);

        await().atMost(Duration.ofSeconds(15)).until(() -> actions(jdbc, service, "RESTART_SERVICE", "act") == 1);
        await().atMost(Duration.ofSeconds(45)).until(() -> actions(jdbc, service, "STOP_START_SERVICE", "act") == 1);
        // the second pause is twice the first
        assertThat(floor.backoffRemaining(service)).isGreaterThan(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(45)).until(() -> jdbc.queryForObject("SELECT count(*) FROM recovery_actions"
                + " WHERE action_type = 'RESTART_APP_SERVICES' AND category = 'C' AND mode = 'act'", Integer.class) >= 1);
        assertThat(jdbc.queryForObject("SELECT reason FROM recovery_actions WHERE action_type = 'RESTART_APP_SERVICES'"
                + " LIMIT 1", String.class)).contains(service + " failed 3 times in 10 minutes");
        assertThat(floor.needsAttention()).contains(service);

        // whatever a rule asks now, the cap holds
        assertThat(decider.decide(new ActionRequest(ActionType.RESTART_SERVICE, service, Category.A, "test",
                "asked once more"))).isNull();
        // the refusal is recorded beside the decision, on the journal's own thread
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList("SELECT description"
                + " FROM self_healing_events WHERE service = ? AND event_type = 'action_suppressed' ORDER BY id DESC"
                + " LIMIT 1", String.class, service)).first().asString()
                .contains("needs attention"));
        assertThat(actions(jdbc, service, "RESTART_SERVICE", "act") + actions(jdbc, service, "STOP_START_SERVICE", "act"))
                .isEqualTo(2);
    }
}
