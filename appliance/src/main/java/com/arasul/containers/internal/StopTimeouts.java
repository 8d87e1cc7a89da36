package com.arasul.containers.internal;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;

/**
 * How long a stop waits before SIGKILL: the container's own {@code StopTimeout} (compose
 * {@code stop_grace_period}) when it has one, else the configured default; for a container that
 * failed or hangs, at most the short timeout.
 */
record StopTimeouts(Duration fallback, Duration unresponsive) {

    int planned(InspectContainerResponse container) {
        Integer own = own(container);
        return own != null ? own : seconds(fallback);
    }

    int unresponsive(InspectContainerResponse container) {
        return Math.min(planned(container), seconds(unresponsive));
    }

    /** docker-java's model has no field for it; the inspect answer keeps it among the raw values. */
    static Integer own(InspectContainerResponse container) {
        if (container.getConfig() == null || container.getConfig().getRawValues() == null) {
            return null;
        }
        return container.getConfig().getRawValues().get("StopTimeout") instanceof Number n && n.intValue() >= 0
                ? n.intValue() : null;
    }

    private static int seconds(Duration d) {
        return (int) Math.max(0, d.toSeconds());
    }
}
