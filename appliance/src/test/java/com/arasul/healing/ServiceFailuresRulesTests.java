package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.ContainerEvent;
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
    void aDeathAPersonOrTheApplianceCausedIsNoFailureAndAnOomIs() {
        rules.insert(new ContainerEvent("minio", "die", null, 0, rules.now(), ContainerEvent.ADMINISTRATOR))
                .insert(new ContainerEvent("n8n", "die", null, 137, rules.now(), ContainerEvent.APPLIANCE))
                .insert(new ContainerEvent("llm-service", "die", null, 137, rules.now(), ContainerEvent.OOM));

        assertThat(rules.requests()).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("llm-service");
            assertThat(r.reason()).contains("ran out of memory");
        });
    }

    @Test
    void aCrashRightAfterTheOrderedRestartOfEveryServiceIsAFailure() {
        rules.insert(new ActionRequest(ActionType.RESTART_APP_SERVICES, null, Category.C, "C1", "critical"))
                .advance(Duration.ofSeconds(5))
                .died("minio");

        assertThat(rules.requests(ActionType.RESTART_SERVICE)).extracting(ActionRequest::service).containsExactly("minio");
    }

    @Test
    void aServiceStoppedByAnAdministratorIsNotFoundDownByThePoll() {
        rules.upsert("minio", new ContainerState("minio", "running", "healthy", false))
                .upsert("minio", new ContainerState("minio", "exited", "none", false, ContainerState.ADMINISTRATOR))
                .upsert("n8n", new ContainerState("n8n", ContainerState.REMOVED, "none", false, ContainerState.ADMINISTRATOR))
                .advance(Duration.ofMinutes(1));

        assertThat(rules.requests()).isEmpty();
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
