package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/overload-detection.drl: when the box counts as overloaded, never on missing data. */
class OverloadDetectionRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void firesNothingOnSamplesWithEveryMetricMissing() {
        rules.samplesEverySecond(Duration.ofMinutes(2), () -> rules.sample(null, null, null, null, null, null));

        assertThat(rules.requests()).isEmpty();
        assertThat(rules.count("Overload")).isZero();
    }

    @Test
    void infersOneOverloadEveryFiveMinutesWhileItLasts() {
        rules.samplesEverySecond(Duration.ofMinutes(6), () -> rules.sample(95.0, null, null, null, null, null));

        assertThat(rules.requests(ActionType.LLM_CACHE_CLEAR)).hasSize(2);
    }

    @Test
    void detectsAGpuHangOnlyAfterThirtySecondsAtTheHangLevel() {
        rules.samplesEverySecond(Duration.ofSeconds(29), () -> rules.sample(null, null, 99.5, null, null, null));
        assertThat(rules.count("Overload")).isEqualTo(1); // "gpu" above 95 %, not yet a hang

        rules.samplesEverySecond(Duration.ofSeconds(3), () -> rules.sample(null, null, 99.5, null, null, null));

        assertThat(rules.requests(ActionType.LLM_SESSION_RESET)).extracting(ActionRequest::reason)
                .anySatisfy(reason -> assertThat(reason).contains("looks hung"));
    }

    @Test
    void aSingleDipBelowTheHangLevelIsNoHang() {
        for (int i = 0; i < 40; i++) {
            rules.sample(null, null, i == 20 ? 97.0 : 99.5, null, null, null).advance(Duration.ofSeconds(1));
        }

        assertThat(rules.requests()).extracting(ActionRequest::reason).noneMatch(r -> r.contains("looks hung"));
    }

    @Test
    void letsOldSamplesExpire() {
        rules.samplesEverySecond(Duration.ofSeconds(30), rules::healthySample);
        assertThat(rules.count("HostMetrics")).isEqualTo(30);

        rules.advance(Duration.ofSeconds(71));

        assertThat(rules.count("HostMetrics")).isZero();
    }
}
