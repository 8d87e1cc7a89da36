package com.arasul.updates.facts;

import com.arasul.updates.format.SemanticVersion;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The box as it is when a package is checked.
 *
 * @param installedVersion the platform version the box runs
 * @param managedServices the services managed by label ({@code arasul.service}) Docker reports now
 * @param selfService the service name of the appliance's own container
 * @param knownComponentTypes the component types this appliance can install
 * @param freeDiskBytes free space of the staging file system before the package was unpacked
 * @param diskSpaceFactor how many times the payload must fit into {@code freeDiskBytes}
 * @param runningUpdate the version of an update being applied now, {@code null} when none is
 * @param criticalHealing the category (C or D) of critical healing under way, {@code null} when none is
 * @param localTime the box's local date and time (for maintenance windows)
 */
public record BoxState(
        SemanticVersion installedVersion,
        List<String> managedServices,
        String selfService,
        List<String> knownComponentTypes,
        long freeDiskBytes,
        double diskSpaceFactor,
        String runningUpdate,
        String criticalHealing,
        LocalDateTime localTime) {

    public BoxState {
        managedServices = List.copyOf(managedServices);
        knownComponentTypes = List.copyOf(knownComponentTypes);
    }

    /** The free space needed for a payload of this size. */
    public double diskNeededFor(long payloadBytes) {
        return diskSpaceFactor * payloadBytes;
    }
}
