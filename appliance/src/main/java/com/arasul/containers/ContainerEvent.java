package com.arasul.containers;

import java.time.Instant;

/**
 * Something Docker reported about a managed container.
 *
 * @param service the {@code arasul.service} label
 * @param action {@code die}, {@code oom}, {@code health_status}, {@code start}, {@code stop},
 *     {@code restart}, {@code kill}, {@code create} or {@code destroy}
 * @param health for {@code health_status}: {@code healthy}, {@code unhealthy} or {@code starting}; else null
 * @param exitCode for {@code die}: the main process' exit code; else null
 * @param timestamp when the Docker daemon saw it
 * @param cause who or what brought it about, as far as Docker's events tell: for {@code die}
 *     {@link #CRASH} (no {@code kill} before it), {@link #OOM} (an {@code oom} before it),
 *     {@link #ADMINISTRATOR} (a {@code kill} the appliance did not send: {@code docker stop},
 *     {@code kill}, {@code rm -f}, {@code compose stop/down}, a Docker engine shutting down) or
 *     {@link #APPLIANCE} (during one of the appliance's own actions on that container); for
 *     {@code kill}, {@code destroy}, {@code start} and {@code create} the last two alike (null for
 *     a start the appliance did not ask for); null for the others
 */
public record ContainerEvent(
        String service, String containerId, String action, String health, Integer exitCode, Instant timestamp,
        String cause) {

    public static final String DIE = "die";
    public static final String OOM = "oom";
    public static final String HEALTH_STATUS = "health_status";
    public static final String START = "start";
    public static final String STOP = "stop";
    public static final String RESTART = "restart";
    public static final String KILL = "kill";
    public static final String CREATE = "create";
    public static final String DESTROY = "destroy";

    public static final String CRASH = "crash";
    public static final String ADMINISTRATOR = "administrator";
    public static final String APPLIANCE = "appliance";

    /** A death nobody asked for: a crash or the kernel's OOM killer. */
    public boolean crashed() {
        return DIE.equals(action) && (CRASH.equals(cause) || OOM.equals(cause));
    }
}
