package com.arasul.containers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A managed container as Docker reports it.
 *
 * @param state Docker's state: {@code running}, {@code exited}, {@code restarting}, {@code created}, ...
 * @param health {@code healthy}, {@code unhealthy}, {@code starting}, or {@code none} without a health check
 * @param startedAt when the current run started; null if it never ran
 * @param startOrder the {@code arasul.start-order} label; {@link Integer#MAX_VALUE} when absent
 */
public record ManagedService(
        String name,
        String containerId,
        String containerName,
        String image,
        String state,
        String health,
        int restartCount,
        Instant startedAt,
        boolean critical,
        List<String> dependsOn,
        int startOrder) {

    public ManagedService {
        dependsOn = List.copyOf(dependsOn);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** How long the current run has lasted; zero when not running. */
    public Duration uptime(Instant now) {
        return running() && startedAt != null ? Duration.between(startedAt, now) : Duration.ZERO;
    }
}
