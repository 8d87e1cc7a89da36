package com.arasul.healing.facts;

/**
 * One event from the Docker events stream for a managed container.
 *
 * @param service the container's {@code arasul.service} label
 * @param action {@code die}, {@code oom}, {@code health_status}, {@code start}, {@code stop},
 *     {@code restart} or {@code kill}
 * @param health for {@code health_status}: {@code healthy} or {@code unhealthy}; otherwise {@code null}
 * @param exitCode for {@code die}: the exit code; otherwise {@code null}
 * @param at when Docker saw it, epoch milliseconds
 */
public record ContainerEvent(String service, String action, String health, Integer exitCode, long at) {
}
