package com.arasul.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedMapTests {

    @Test
    void neverHoldsMoreThanItsCapacityAndForgetsTheLeastRecentlyUsed() {
        BoundedMap<String, Integer> map = new BoundedMap<>(3);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);
        map.get("a");

        map.put("d", 4);

        assertThat(map.size()).isEqualTo(3);
        assertThat(map.get("b")).isNull();
        assertThat(map.get("a")).isEqualTo(1);
    }

    @Test
    void aFloodOfClientsCostsAtMostTheConfiguredBuckets() {
        var limits = new SecurityProperties.RateLimits(true, 100, null, null, null);
        ClientRateLimits buckets = new ClientRateLimits(limits);

        for (int i = 0; i < 10_000; i++) {
            buckets.tryConsume(ClientRateLimits.Group.API, "10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(buckets.size()).isLessThanOrEqualTo(100 * ClientRateLimits.Group.values().length);
    }

    @Test
    void keepsTheSeedsLimitsWhenNothingIsConfigured() {
        var limits = new SecurityProperties.RateLimits(true, 0, null, null, null);

        assertThat(limits.login()).isEqualTo(new SecurityProperties.Limit(5, Duration.ofMinutes(15)));
        assertThat(limits.metrics()).isEqualTo(new SecurityProperties.Limit(20, Duration.ofSeconds(1)));
        assertThat(limits.api()).isEqualTo(new SecurityProperties.Limit(100, Duration.ofMinutes(1)));
        assertThat(limits.maxClients()).isEqualTo(10_000);
    }
}
