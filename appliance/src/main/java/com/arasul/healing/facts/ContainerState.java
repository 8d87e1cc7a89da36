package com.arasul.healing.facts;

/**
 * The last polled state of a managed container, kept once per service (the backstop for a missed
 * event). Only a change of state or health reaches the rules.
 *
 * @param service the container's {@code arasul.service} label
 * @param state Docker's state: {@code running}, {@code exited}, {@code restarting}, {@code created}, ...
 * @param health {@code healthy}, {@code unhealthy}, {@code starting} or {@code none}
 * @param critical the {@code arasul.critical} label
 */
public record ContainerState(String service, String state, String health, boolean critical) {
}
