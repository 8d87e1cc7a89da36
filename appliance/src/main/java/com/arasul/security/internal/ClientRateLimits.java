package com.arasul.security.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per client and limit. Buckets live in a bounded map, so a flood of addresses
 * costs at most {@code maxClients} buckets per limit; a forgotten client simply starts afresh.
 */
final class ClientRateLimits {

    enum Group { LOGIN, METRICS, API }

    private final SecurityProperties.RateLimits limits;
    private final BoundedMap<String, Bucket> buckets;

    ClientRateLimits(SecurityProperties.RateLimits limits) {
        this.limits = limits;
        this.buckets = new BoundedMap<>(limits.maxClients() * Group.values().length);
    }

    ConsumptionProbe tryConsume(Group group, String client) {
        return buckets.computeIfAbsent(group + "|" + client, key -> newBucket(limit(group))).tryConsumeAndReturnRemaining(1);
    }

    SecurityProperties.Limit limit(Group group) {
        return switch (group) {
            case LOGIN -> limits.login();
            case METRICS -> limits.metrics();
            case API -> limits.api();
        };
    }

    int size() {
        return buckets.size();
    }

    private static Bucket newBucket(SecurityProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .build();
    }
}
