package com.arasul.containers;

/**
 * The labels that make a container managed. Without {@link #SERVICE} a container is never touched.
 * Compose files and tests declare them the same way.
 */
public final class ServiceLabels {

    /** Required: the service's name, e.g. {@code llm-service}. */
    public static final String SERVICE = "arasul.service";
    /** Optional {@code true}: its failure is a critical event. */
    public static final String CRITICAL = "arasul.critical";
    /** Optional comma-separated service names it needs running first. */
    public static final String DEPENDS_ON = "arasul.depends-on";
    /** Optional integer: lower starts first when services are restarted in order. */
    public static final String START_ORDER = "arasul.start-order";

    private ServiceLabels() {
    }
}
