package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.ActionResult;
import com.arasul.healing.facts.ContainerEvent;
import com.arasul.healing.facts.DockerStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/service-recovery.drl: category A, restart → stop + start → (C). */
class ServiceRecoveryRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void restartsAServiceOnItsFirstFailure() {
        rules.died("n8n");

        assertThat(rules.requests()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(ActionType.RESTART_SERVICE);
            assertThat(r.service()).isEqualTo("n8n");
            assertThat(r.category()).isEqualTo(Category.A);
            assertThat(r.rule()).startsWith("A1");
            assertThat(r.reason()).contains("n8n is down");
        });
    }

    @Test
    void stopsAndStartsAServiceThatFailsAgainAfterItsRestart() {
        rules.died("n8n").advance(Duration.ofMinutes(2)).died("n8n");

        assertThat(rules.requests()).extracting(ActionRequest::type)
                .containsExactly(ActionType.RESTART_SERVICE, ActionType.STOP_START_SERVICE);
    }

    @Test
    void startsOverWithARestartWhenTheLastFailureIsMoreThanTenMinutesOld() {
        rules.died("n8n").advance(Duration.ofMinutes(11)).died("n8n");

        assertThat(rules.requests()).extracting(ActionRequest::type)
                .containsExactly(ActionType.RESTART_SERVICE, ActionType.RESTART_SERVICE);
    }

    @Test
    void doesNotTakeItsOwnRestartForACrash() {
        rules.died("n8n");
        // the die of the restart we asked for: the containers module marks it as the appliance's own
        rules.advance(Duration.ofSeconds(5))
                .insert(new ContainerEvent("n8n", "die", null, 137, rules.now(), ContainerEvent.APPLIANCE));

        assertThat(rules.requests()).hasSize(1);
        // and that die is not remembered to be counted later, when the restart has left the window
        rules.advance(Duration.ofMinutes(2));
        assertThat(rules.requests()).hasSize(1);
        assertThat(rules.count("ContainerEvent")).isZero();
    }

    @Test
    void countsARestartThatDidNotWorkAsAFailure() {
        rules.died("n8n");
        rules.advance(Duration.ofSeconds(20))
                .insert(new ActionResult(ActionType.RESTART_SERVICE, "n8n", false, "no such container"));

        assertThat(rules.requests()).extracting(ActionRequest::type)
                .containsExactly(ActionType.RESTART_SERVICE, ActionType.STOP_START_SERVICE);
    }

    @Test
    void reportsDockerDownInsteadOfBlamingServices() {
        rules.upsert("docker", new DockerStatus(false)).died("n8n").died("minio");

        assertThat(rules.requests()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(ActionType.NOTIFY);
            assertThat(r.reason()).contains("Docker engine does not answer");
        });
    }
}
