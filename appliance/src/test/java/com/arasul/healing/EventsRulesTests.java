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
        rules.healthySample()
                .died("n8n")
                .insert(new ActionResult(ActionType.RESTART_SERVICE, "n8n", true, "ok"));
        assertThat(rules.count("ServiceFailure")).isEqualTo(1);
        assertThat(rules.count("ActionRequest")).isPositive();

        // then telemetry falls silent for a while: its category C chain has to expire as well
        rules.advance(Duration.ofMinutes(90));
        assertThat(rules.requests(ActionType.RESTART_APP_SERVICES)).as("telemetry fell silent").isNotEmpty();

        rules.samplesEverySecond(Duration.ofMinutes(70), rules::healthySample);

        assertThat(typesInMemory()).as("only the thresholds and the last samples are left")
                .containsExactly("HealingThresholds", "HostMetrics");
        assertThat(rules.count("HostMetrics")).as("the samples of the last 45 s").isLessThanOrEqualTo(47);
    }

    @Test
    void letsTheEventsOfACriticalRecoveryExpire() {
        rules.insert(new SystemCondition(SystemCondition.OBJECT_STORAGE_DOWN, "503"));
        assertThat(rules.count("CriticalEvent")).isEqualTo(1);

        rules.advance(Duration.ofMinutes(90));

        assertThat(typesInMemory()).as("only the thresholds are left").containsExactly("HealingThresholds");
    }

    @Test
    void keepsMemoryBoundedOverADayOfRepeatedTelemetrySilences() {
        long most = 0;
        for (int hour = 0; hour < 24; hour++) {
            // 20 minutes of samples, a crash now and then, then 10 silent minutes; twice an hour
            for (int half = 0; half < 2; half++) {
                rules.samplesEverySecond(Duration.ofMinutes(20), rules::healthySample);
                if (hour % 3 == 0) {
                    rules.died("n8n");
                }
                rules.advance(Duration.ofMinutes(10));
                most = Math.max(most, factCount());
            }
        }

        assertThat(rules.requests(ActionType.RESTART_APP_SERVICES)).as("each silence was noticed").hasSizeGreaterThan(20);
        assertThat(most).as("facts in memory at any silence").isLessThan(40);
        rules.samplesEverySecond(Duration.ofMinutes(70), rules::healthySample);
        assertThat(typesInMemory()).as("only the thresholds and the last samples are left")
                .containsExactly("HealingThresholds", "HostMetrics");
        assertThat(rules.session().failures()).isZero();
    }

    private long factCount() {
        return rules.session().call(s -> s.getFactCount()).join();
    }

    private java.util.List<String> typesInMemory() {
        return rules.session().call(s -> s.getObjects().stream()
                .map(o -> o.getClass().getSimpleName()).distinct().sorted().toList()).join();
    }
}
