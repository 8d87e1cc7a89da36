package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.ContainerState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/service-failures.drl: what counts as a failure, and the 10-minute count. */
class ServiceFailuresRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void countsAFailedHealthCheckAsAFailure() {
        rules.containerEvent("minio", "health_status", "unhealthy", null);

        assertThat(rules.requests()).extracting(ActionRequest::service, ActionRequest::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("minio", ActionType.RESTART_SERVICE));
        assertThat(rules.requests().getFirst().reason()).contains("health check failed");
    }

    @Test
    void ignoresStartsStopsAndHealthyReports() {
        rules.containerEvent("minio", "start", null, null)
                .containerEvent("minio", "health_status", "healthy", null)
                .containerEvent("minio", "stop", null, null)
                .containerEvent("minio", "restart", null, null);

        assertThat(rules.requests()).isEmpty();
    }

    @Test
    void findsAnExitedContainerThroughThePollWhenTheEventWasMissed() {
        rules.upsert("minio", new ContainerState("minio", "running", "healthy", false));
        rules.upsert("minio", new ContainerState("minio", "exited", "none", false));

        assertThat(rules.requests()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("not running"));
    }

    @Test
    void doesNotCountTheSameOutageTwiceThroughEventAndPoll() {
        rules.died("minio").upsert("minio", new ContainerState("minio", "exited", "none", false));

        assertThat(rules.count("ServiceFailure")).isEqualTo(1);
    }

    @Test
    void countsFailuresOnlyWithinTenMinutesAndForgetsThemAfterThirty() {
        rules.died("minio").advance(Duration.ofMinutes(6)).died("minio").advance(Duration.ofMinutes(6)).died("minio");

        // 0, 6, 12 min: the third is only the second within 10 minutes
        assertThat(rules.requests()).extracting(ActionRequest::type).containsExactly(
                ActionType.RESTART_SERVICE, ActionType.STOP_START_SERVICE, ActionType.STOP_START_SERVICE);
        assertThat(rules.count("ServiceFailure")).isEqualTo(3);
        rules.advance(Duration.ofMinutes(31));
        assertThat(rules.count("ServiceFailure")).isZero();
    }
}
