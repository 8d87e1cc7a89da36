package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.DockerStatus;
import com.arasul.healing.facts.WorkflowEngineHealth;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/workflow-engine.drl: n8n that stops answering its API is a failure of the service. */
class WorkflowEngineRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void restartsN8nAfterThreeProbesInARowFoundItSilent() {
        silent(1).silent(2);
        assertThat(rules.requests()).isEmpty();

        silent(3);

        assertThat(rules.requests()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(ActionType.RESTART_SERVICE);
            assertThat(r.service()).isEqualTo("n8n");
            assertThat(r.reason()).contains("stopped answering").contains("refused the connection");
        });
    }

    @Test
    void countsALastingSilenceOnceInFiveMinutes() {
        silent(3).silent(4).silent(5);
        assertThat(rules.count("ServiceFailure")).isEqualTo(1);

        rules.advance(Duration.ofMinutes(6));
        silent(6);

        assertThat(rules.count("ServiceFailure")).isEqualTo(2);
        assertThat(rules.requests()).extracting(ActionRequest::type)
                .containsExactly(ActionType.RESTART_SERVICE, ActionType.STOP_START_SERVICE);
    }

    @Test
    void blamesNothingWhileTheDockerEngineIsDown() {
        rules.upsert("docker", new DockerStatus(false));
        rules.clearRequests();

        silent(3);

        assertThat(rules.count("ServiceFailure")).isZero();
    }

    @Test
    void aContainerFailureAlreadyCountedIsNotCountedAgain() {
        rules.died("n8n");

        silent(3);

        assertThat(rules.count("ServiceFailure")).isEqualTo(1);
    }

    @Test
    void probesThatFoundItUpAreForgottenAfterTenMinutes() {
        rules.insert(new WorkflowEngineHealth(rules.now(), true, 0, "n8n answers"));
        assertThat(rules.count("WorkflowEngineHealth")).isEqualTo(1);

        rules.advance(Duration.ofMinutes(11));

        assertThat(rules.count("WorkflowEngineHealth")).isZero();
        assertThat(rules.requests()).isEmpty();
    }

    private WorkflowEngineRulesTests silent(int inARow) {
        rules.insert(new WorkflowEngineHealth(rules.now(), false, inARow,
                "n8n refused the connection (not running?) to its health check"));
        rules.advance(Duration.ofSeconds(30));
        return this;
    }
}
