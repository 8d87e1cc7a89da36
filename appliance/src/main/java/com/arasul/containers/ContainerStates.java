package com.arasul.containers;

import java.time.Instant;
import java.util.List;

/** Every managed service as the periodic poll found it. */
public record ContainerStates(Instant takenAt, List<ManagedService> services) {

    public ContainerStates {
        services = List.copyOf(services);
    }
}
