package com.arasul.containers;

import java.util.List;
import java.util.Optional;

/**
 * What may be done to managed services. Every action names a service by its {@code arasul.service}
 * label, never a raw container id, so an unlabelled container can never be touched.
 */
public interface ContainerActions {

    /** Every managed service; empty when Docker does not answer. */
    List<ManagedService> services();

    Optional<ManagedService> service(String name);

    /**
     * A planned restart: the container's own stop timeout ({@code stop_grace_period}) or the
     * configured default. Its {@code kill} and {@code die} are known as the appliance's own.
     */
    ActionResult restart(String service);

    /** A restart of a container that failed or hangs: at most the short stop timeout. */
    ActionResult restartUnresponsive(String service);

    /**
     * Stop, then start again, for a container that failed again after its restart (at most the
     * short stop timeout): clears what a plain restart keeps (a wedged health check, say).
     */
    ActionResult stopAndStart(String service);

    /** A planned stop, with the container's own stop timeout or the default. */
    ActionResult stop(String service);

    ActionResult start(String service);

    /**
     * Removes dangling images only; tagged images, used or not, stay.
     *
     * @param labels if given, only images carrying these labels ({@code key} or {@code key=value})
     */
    ActionResult pruneDanglingImages(String... labels);

    /** One sample of CPU and memory; empty when the service is unknown, stopped or Docker does not answer. */
    Optional<ContainerUsage> usage(String service);

    /**
     * The last {@code lines} lines with Docker's timestamps, oldest first.
     *
     * @throws java.util.NoSuchElementException when no container carries the service's label
     */
    List<LogLine> logs(String service, int lines);

    /**
     * Follows the log from the last {@code lines} lines on, into a bounded buffer that drops the
     * oldest lines when its reader is slow. Close it when done.
     *
     * @throws java.util.NoSuchElementException when no container carries the service's label
     * @throws IllegalStateException when the configured number of follows is already open
     */
    LogFollow followLogs(String service, int lines);
}
