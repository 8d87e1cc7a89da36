package com.arasul.containers;

/** Names of the channels this module publishes on; the beans are declared once in {@link ContainersFlows}. */
public final class ContainerChannels {

    /** {@link ContainerEvent}s of managed containers, straight from the Docker events stream. */
    public static final String CONTAINER_EVENTS = "containerEvents";
    /** {@link ContainerStates} snapshots from the periodic poll, the backstop for missed events. */
    public static final String CONTAINER_STATES = "containerStates";

    private ContainerChannels() {
    }
}
