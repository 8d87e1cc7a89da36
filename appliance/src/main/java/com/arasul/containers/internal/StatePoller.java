package com.arasul.containers.internal;

import com.arasul.containers.ContainerStates;
import java.time.Clock;

/** The backstop for missed events: every managed service's state, or nothing when Docker is away. */
public final class StatePoller {

    private final ManagedContainers containers;
    private final DaemonStatus status;
    private final Clock clock;

    public StatePoller(ManagedContainers containers, DaemonStatus status, Clock clock) {
        this.containers = containers;
        this.status = status;
        this.clock = clock;
    }

    /** A snapshot, or null (no message) when the daemon does not answer. */
    public ContainerStates poll() {
        try {
            var services = containers.all();
            status.markUp();
            return new ContainerStates(clock.instant(), services);
        } catch (RuntimeException e) {
            status.markDown(DockerEventStream.describe(e));
            return null;
        }
    }
}
