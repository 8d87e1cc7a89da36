package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.ActionResult;
import com.arasul.healing.facts.ContainerState;
import com.arasul.healing.facts.SystemCondition;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/events.drl: every event leaves memory; healthy boxes get no action at all. */
class EventsRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void asksForNothingWhileEverythingIsHealthyForTenMinutes() {
        rules.upsert("n8n", new ContainerState("n8n", "running", "healthy", false))
                .upsert("minio", new ContainerState("minio", "running", "healthy", true));

        rules.samplesEverySecond(Duration.ofMinutes(10), () -> {
            rules.healthySample();
            rules.upsert("n8n", new ContainerState("n8n", "running", "healthy", false));
        });

        assertThat(rules.requests()).isEmpty();
        assertThat(rules.session().failures()).isZero();
    }

    @Test
    void forgetsContainerEventsOnceConsidered() {
        rules.containerEvent("n8n", "start", null, null).died("n8n");

        assertThat(rules.count("ContainerEvent")).isZero();
    }

    @Test
    void letsTheEventsOfAServiceFailureExpire() {
        rules.died("n8n")
                .insert(new ActionResult(ActionType.RESTART_SERVICE, "n8n", true, "ok"));
        assertThat(rules.count("ServiceFailure")).isEqualTo(1);
        assertThat(rules.count("ActionRequest")).isPositive();

        rules.advance(Duration.ofMinutes(90));

        assertThat(typesInMemory()).as("only the thresholds are left").containsExactly("HealingThresholds");
    }

    @Test
    void letsTheEventsOfACriticalRecoveryExpire() {
        rules.insert(new SystemCondition(SystemCondition.OBJECT_STORAGE_DOWN, "503"));
        assertThat(rules.count("CriticalEvent")).isEqualTo(1);

        rules.advance(Duration.ofMinutes(90));

        assertThat(typesInMemory()).as("only the thresholds are left").containsExactly("HealingThresholds");
    }

    private java.util.List<String> typesInMemory() {
        return rules.session().call(s -> s.getObjects().stream()
                .map(o -> o.getClass().getSimpleName()).distinct().sorted().toList()).join();
    }
}
