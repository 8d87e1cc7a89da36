package com.arasul.containers;

import java.time.Instant;

/**
 * Something Docker reported about a managed container.
 *
 * @param service the {@code arasul.service} label
 * @param action {@code die}, {@code oom}, {@code health_status}, {@code start}, {@code stop},
 *     {@code restart} or {@code kill}
 * @param health for {@code health_status}: {@code healthy}, {@code unhealthy} or {@code starting}; else null
 * @param exitCode for {@code die}: the main process' exit code; else null
 * @param timestamp when the Docker daemon saw it
 */
public record ContainerEvent(
        String service, String containerId, String action, String health, Integer exitCode, Instant timestamp) {

    public static final String DIE = "die";
    public static final String OOM = "oom";
    public static final String HEALTH_STATUS = "health_status";
    public static final String START = "start";
    public static final String STOP = "stop";
    public static final String RESTART = "restart";
    public static final String KILL = "kill";
}
