package com.arasul.healing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.HealingThresholds;
import com.arasul.rules.RuleCompiler;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/** The start waits for the healing rules compiled beside it, and goes on even when they never come. */
class HealingRulesCheckTests {

    @Test
    void letsTheApplianceStartWithoutHealingWhenNotEvenTheShippedRulesCompile() {
        CompletableFuture<KieBase> broken = CompletableFuture.failedFuture(new IllegalStateException("no rules"));
        try (HealingSession session = HealingSession.start(broken, HealingThresholds.defaults(), 100, null, out -> { })) {
            HealingRulesCheck check = new HealingRulesCheck(session);

            check.start();

            assertThat(check.isRunning()).isTrue();
            assertThat(session.rules().started()).isCompletedExceptionally(); // and it decides nothing
        }
    }

    @Test
    void letsTheStartGoOnOnceTheHealingRulesAreThere() {
        CompletableFuture<KieBase> later = new CompletableFuture<>();
        try (HealingSession session = HealingSession.start(later, HealingThresholds.defaults(), 100, null, out -> { })) {
            HealingRulesCheck check = new HealingRulesCheck(session);
            CompletableFuture<Void> started = CompletableFuture.runAsync(check::start);
            assertThat(started).isNotDone();

            later.complete(new RuleCompiler(Clock.systemUTC())
                    .compile(Map.of("healing/quiet.drl", "package healing;\nrule \"nothing\" when then end\n")).kieBase());

            started.join();
            assertThat(check.isRunning()).isTrue();
        }
    }
}
