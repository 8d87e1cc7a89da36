package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.SystemCondition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/reboot.drl: the rules only ask; the floor decides (SafetyFloorTests). */
class RebootRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void asksForARebootAsCategoryDWithTheReason() {
        rules.insert(new SystemCondition(SystemCondition.GPU_FAILED, "Xid 79"));

        assertThat(rules.requests()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(ActionType.REBOOT_HOST);
            assertThat(r.category()).isEqualTo(Category.D);
            assertThat(r.rule()).isEqualTo("D reboot the host");
            assertThat(r.reason()).contains("GPU has failed permanently (Xid 79)").contains("last resort");
        });
    }

    @Test
    void aRefusedRebootRunsNothing() {
        SafetyFloor floor = new SafetyFloor(HealingProperties.defaults(HealingMode.ACT, false), java.time.Clock.systemUTC());
        rules.insert(new SystemCondition(SystemCondition.GPU_FAILED, "Xid 79"));

        assertThat(rules.requests()).allSatisfy(r -> assertThat(floor.decide(r).runs()).isFalse());
    }
}
