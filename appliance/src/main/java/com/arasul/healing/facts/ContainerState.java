package com.arasul.healing.facts;

/**
 * The last polled state of a managed container, kept once per service (the backstop for a missed
 * event). Only a change of state or health reaches the rules.
 *
 * @param service the container's {@code arasul.service} label
 * @param state Docker's state: {@code running}, {@code exited}, {@code restarting}, {@code created},
 *     ..., or {@code removed} once its container was removed by a person
 * @param health {@code healthy}, {@code unhealthy}, {@code starting} or {@code none}
 * @param critical the {@code arasul.critical} label
 * @param stoppedBy {@code administrator} while it is down because a person stopped or removed it
 *     (until it runs again, however it is started); otherwise {@code null}
 */
public record ContainerState(String service, String state, String health, boolean critical, String stoppedBy) {

    public static final String ADMINISTRATOR = "administrator";
    public static final String REMOVED = "removed";

    public ContainerState(String service, String state, String health, boolean critical) {
        this(service, state, health, critical, null);
    }
}
