package com.arasul.containers.internal;

import com.arasul.containers.ContainersProperties;
import java.time.Duration;

/** Adapter settings for tests that build the adapter's parts without Spring: fast back-off, short timeouts. */
final class DockerTestProperties {

    private DockerTestProperties() {
    }

    static ContainersProperties forHost(String host) {
        return new ContainersProperties(true, host, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(2),
                4, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(2), 2, 100);
    }
}
