package com.arasul.healing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What people did to the managed services that healing respects: a service a person stopped is
 * left alone until it runs again, however it is started; one whose container a person removed
 * leaves the managed set (and is shown as removed for a while); during an announced maintenance
 * nothing is acted on.
 */
public interface ServiceInterventions {

    /** When a person stopped the service, if it has not run since. */
    Optional<Instant> stoppedByAdministrator(String service);

    /** Services whose container a person removed, with when, for an hour or until it is back. */
    Map<String, Instant> removed();

    /** The maintenance under way, if one is. */
    Optional<MaintenanceWindow> maintenance();

    /** An announced maintenance: while it lasts healing decides and records but runs nothing. */
    record MaintenanceWindow(String reason, Instant since, Instant until) {
    }
}
