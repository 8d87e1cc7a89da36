package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.CriticalEvent;
import com.arasul.healing.facts.SystemCondition;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/ultima-ratio.drl: when only a reboot is left. */
class UltimaRatioRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void callsForARebootOnThreeCriticalEventsInThirtyMinutes() {
        rules.insert(new CriticalEvent("updates", "a")).advance(Duration.ofMinutes(10))
                .insert(new CriticalEvent("updates", "b")).advance(Duration.ofMinutes(10))
                .insert(new CriticalEvent("updates", "c"));

        assertThat(rules.requests()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(ActionType.REBOOT_HOST);
            assertThat(r.reason()).contains("3 critical events in 30 minutes");
        });
    }

    @Test
    void doesNotCountCriticalEventsOlderThanThirtyMinutes() {
        rules.insert(new CriticalEvent("updates", "a")).advance(Duration.ofMinutes(16))
                .insert(new CriticalEvent("updates", "b")).advance(Duration.ofMinutes(16))
                .insert(new CriticalEvent("updates", "c"));

        assertThat(rules.requests()).isEmpty();
    }

    @Test
    void callsForARebootOnAnInconsistentDatabaseOrAFailedGpuOnceIn30Minutes() {
        rules.insert(new SystemCondition(SystemCondition.DATABASE_INCONSISTENT, "checksum"))
                .insert(new SystemCondition(SystemCondition.GPU_FAILED, "fell off the bus"));

        assertThat(rules.requests()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("database is inconsistent"));
        rules.advance(Duration.ofMinutes(31)).insert(new SystemCondition(SystemCondition.GPU_FAILED, "still"));
        assertThat(rules.requests(ActionType.REBOOT_HOST)).hasSize(2);
    }

    @Test
    void callsForARebootWhenTheDiskIsCompletelyFull() {
        rules.sample(10.0, 10.0, 10.0, 10.0, 40.0, 98.0);

        assertThat(rules.requests(ActionType.REBOOT_HOST)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("98 % full"));
    }
}
