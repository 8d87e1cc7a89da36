package com.arasul.healing.facts;

/**
 * One event from the Docker events stream for a managed container.
 *
 * @param service the container's {@code arasul.service} label
 * @param action {@code die}, {@code oom}, {@code health_status}, {@code start}, {@code stop},
 *     {@code restart}, {@code kill}, {@code create} or {@code destroy}
 * @param health for {@code health_status}: {@code healthy} or {@code unhealthy}; otherwise {@code null}
 * @param exitCode for {@code die}: the exit code; otherwise {@code null}
 * @param at when Docker saw it, epoch milliseconds
 * @param cause for {@code die}: {@code crash} (nothing asked for it), {@code oom} (the kernel's OOM
 *     killer), {@code administrator} (a person stopped, killed or removed it, or the Docker engine
 *     shut down) or {@code appliance} (one of the appliance's own restarts, stops or updates); for
 *     {@code kill}, {@code destroy}, {@code create} and {@code start} the last two alike or
 *     {@code null}; otherwise {@code null}
 */
public record ContainerEvent(String service, String action, String health, Integer exitCode, long at, String cause) {

    public static final String CRASH = "crash";
    public static final String OOM = "oom";
    public static final String ADMINISTRATOR = "administrator";
    public static final String APPLIANCE = "appliance";

    /** An event as before causes were told apart: a {@code die} is taken for a crash. */
    public ContainerEvent(String service, String action, String health, Integer exitCode, long at) {
        this(service, action, health, exitCode, at, "die".equals(action) ? CRASH : null);
    }
}
