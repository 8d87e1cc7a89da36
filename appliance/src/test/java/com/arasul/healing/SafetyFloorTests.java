package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.MovableClock;
import com.arasul.healing.Decision.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SafetyFloorTests {

    private final MovableClock clock = new MovableClock();

    @Test
    void backsOffRestartsExponentiallyUpToFiveMinutes() {
        SafetyFloor floor = floor(HealingProperties.defaults(HealingMode.ACT, false));

        assertThat(floor.decide(restart("n8n")).runs()).isTrue();
        assertThat(floor.backoffRemaining("n8n")).isEqualTo(Duration.ofSeconds(10));
        Decision tooSoon = floor.decide(restart("n8n"));
        assertThat(tooSoon.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(tooSoon.reason()).contains("backing off").contains("10 s");

        long[] expected = {20, 40, 80, 160, 300, 300};
        clock.advance(Duration.ofSeconds(10));
        for (long pause : expected) {
            assertThat(floor.decide(restart("n8n")).runs()).isTrue();
            assertThat(floor.backoffRemaining("n8n")).isEqualTo(Duration.ofSeconds(pause));
            clock.advance(Duration.ofSeconds(pause));
        }
    }

    @Test
    void startsTheBackOffOverAfterTenMinutesWithoutARestart() {
        SafetyFloor floor = floor(HealingProperties.defaults(HealingMode.ACT, false));
        floor.decide(restart("n8n"));
        clock.advance(Duration.ofSeconds(10));
        floor.decide(restart("n8n"));
        assertThat(floor.backoffRemaining("n8n")).isEqualTo(Duration.ofSeconds(20));

        clock.advance(Duration.ofMinutes(10));

        assertThat(floor.decide(restart("n8n")).runs()).isTrue();
        assertThat(floor.backoffRemaining("n8n")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void capsRestartsAtTenInThirtyMinutesAndMarksTheServiceForAttention() {
        HealingProperties quick = new HealingProperties(HealingMode.ACT, false, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMinutes(10), 10, Duration.ofMinutes(30), 2, null,
                HealingThresholds.defaults());
        SafetyFloor floor = floor(quick);
        int ran = 0;
        for (int i = 0; i < 50; i++) {
            if (floor.decide(restart("n8n")).runs()) {
                ran++;
            }
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(ran).isEqualTo(10);
        assertThat(floor.needsAttention()).containsExactly("n8n");
        Decision refused = floor.decide(restart("n8n"));
        assertThat(refused.reason()).contains("needs attention");
        // the other services and the escalation are not held back by it
        assertThat(floor.decide(restart("minio")).runs()).isTrue();
        assertThat(floor.decide(request(ActionType.RESTART_APP_SERVICES, null, Category.C)).runs()).isTrue();

        clock.advance(Duration.ofMinutes(31));
        assertThat(floor.needsAttention()).isEmpty();
        assertThat(floor.decide(restart("n8n")).runs()).isTrue();
    }

    @Test
    void keepsACoolDownPerActionType() {
        SafetyFloor floor = floor(HealingProperties.defaults(HealingMode.ACT, false));
        ActionRequest clear = request(ActionType.LLM_CACHE_CLEAR, "llm-service", Category.B);

        assertThat(floor.decide(clear).runs()).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(floor.decide(clear).outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(floor.decide(request(ActionType.DISK_CLEANUP, null, Category.B)).runs()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(floor.decide(clear).runs()).isTrue();
    }

    @Test
    void neverRebootsWhenTheSwitchIsOff() {
        SafetyFloor floor = floor(HealingProperties.defaults(HealingMode.ACT, false));

        Decision decision = floor.decide(reboot());

        assertThat(decision.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(decision.reason()).contains("ARASUL_REBOOT_ENABLED");
    }

    @Test
    void rebootsAtMostTwiceAnHour() {
        SafetyFloor floor = floor(HealingProperties.defaults(HealingMode.ACT, true));

        assertThat(floor.decide(reboot()).runs()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(floor.decide(reboot()).runs()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(floor.decide(reboot()).reason()).contains("2 times in the last hour");
        clock.advance(Duration.ofMinutes(41));
        assertThat(floor.decide(reboot()).runs()).isTrue();
    }

    @Test
    void observeModeRunsNothingButRecordsEveryDecisionWithItsReason() {
        SafetyFloor floor = floor(HealingProperties.defaults(HealingMode.OBSERVE, true));

        Decision first = floor.decide(restart("n8n"));
        Decision second = floor.decide(restart("n8n"));
        Decision reboot = floor.decide(reboot());

        assertThat(first.outcome()).isEqualTo(Outcome.OBSERVED);
        assertThat(first.reason()).contains("would have run").contains("n8n is down");
        assertThat(second.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(second.reason()).contains("backing off");
        assertThat(reboot.outcome()).isEqualTo(Outcome.OBSERVED);
        assertThat(java.util.stream.Stream.of(first, second, reboot)).noneMatch(Decision::runs);
    }

    @Test
    void offModeSuppressesEverything() {
        SafetyFloor floor = floor(HealingProperties.defaults(HealingMode.OFF, true));

        assertThat(floor.decide(restart("n8n")).outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(floor.decide(request(ActionType.NOTIFY, null, Category.B)).runs()).isFalse();
    }

    @Test
    void aCrashLoopCannotTurnIntoARestartOrRebootStorm() {
        // the seed's escalation loop: a service failing every few seconds for two hours, every
        // failure answered by the rules with a restart, a C restart of everything and a reboot
        SafetyFloor floor = floor(HealingProperties.defaults(HealingMode.ACT, true));
        int restarts = 0;
        int everything = 0;
        int reboots = 0;
        for (int i = 0; i < 2 * 60 * 60 / 5; i++) {
            restarts += floor.decide(restart("n8n")).runs() ? 1 : 0;
            everything += floor.decide(request(ActionType.RESTART_APP_SERVICES, null, Category.C)).runs() ? 1 : 0;
            reboots += floor.decide(reboot()).runs() ? 1 : 0;
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(restarts).isLessThanOrEqualTo(4 * 10);
        assertThat(everything).isLessThanOrEqualTo(12);
        assertThat(reboots).isLessThanOrEqualTo(4);
    }

    private SafetyFloor floor(HealingProperties properties) {
        return new SafetyFloor(properties, clock);
    }

    private static ActionRequest restart(String service) {
        return new ActionRequest(ActionType.RESTART_SERVICE, service, Category.A, "A1 test", service + " is down.");
    }

    private static ActionRequest reboot() {
        return request(ActionType.REBOOT_HOST, null, Category.D);
    }

    private static ActionRequest request(ActionType type, String service, Category category) {
        return new ActionRequest(type, service, category, "test", "because");
    }
}
