package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.SystemCondition;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/critical-recovery.drl: C's steps, one per recurrence. */
class CriticalRecoveryRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    private void databaseUnreachable() {
        rules.insert(new SystemCondition(SystemCondition.DATABASE_UNREACHABLE, "timeout"));
    }

    @Test
    void walksThroughEveryStepWhileTheConditionPersists() {
        for (int i = 0; i < 5; i++) {
            databaseUnreachable();
            rules.advance(Duration.ofMinutes(2));
        }

        assertThat(rules.requests()).extracting(ActionRequest::type).containsExactly(
                ActionType.RESTART_APP_SERVICES, ActionType.DISK_CLEANUP, ActionType.DB_VACUUM_ANALYZE,
                ActionType.GPU_RESET, ActionType.REBOOT_HOST);
        assertThat(rules.requests()).extracting(ActionRequest::category).containsExactly(
                Category.C, Category.C, Category.C, Category.C, Category.D);
    }

    @Test
    void givesEachStepAMinuteBeforeTheNext() {
        databaseUnreachable();
        for (int i = 0; i < 5; i++) {
            rules.advance(Duration.ofSeconds(10));
            databaseUnreachable();
        }

        assertThat(rules.requests()).extracting(ActionRequest::type).containsExactly(ActionType.RESTART_APP_SERVICES);
    }

    @Test
    void startsAFreshRecoveryWhenTheLastStepIsMoreThanTenMinutesOld() {
        databaseUnreachable();
        rules.advance(Duration.ofMinutes(11));
        databaseUnreachable();

        assertThat(rules.requests()).extracting(ActionRequest::type)
                .containsExactly(ActionType.RESTART_APP_SERVICES, ActionType.RESTART_APP_SERVICES);
        assertThat(rules.count("CriticalEvent")).isEqualTo(2);
        rules.advance(Duration.ofMinutes(61));
        assertThat(rules.count("CriticalEvent")).isZero();
        assertThat(rules.count("ActionRequest")).isZero();
    }
}
