package com.arasul.healing.internal;

import com.arasul.healing.ActionType;
import com.arasul.healing.Category;
import com.arasul.healing.Decision;
import java.util.Set;

/** The event types and severities the engine records: also the whitelists of the events API. */
final class EventTypes {

    static final String ACTION_STARTED = "action_started";
    static final String ACTION_OBSERVED = "action_observed";
    static final String ACTION_SUPPRESSED = "action_suppressed";
    static final String ACTION_SUCCEEDED = "action_succeeded";
    static final String ACTION_FAILED = "action_failed";
    static final String NOTIFICATION = "notification";
    static final String SERVICE_FAILURE = "service_failure";
    static final String DOCKER_DOWN = "docker_down";
    static final String DOCKER_UP = "docker_up";
    static final String MANUAL_RESTART = "manual_restart";
    static final String REBOOT_PENDING = "reboot_pending";
    static final String REBOOT_VALIDATED = "reboot_validated";
    static final String SERVICE_STOPPED = "service_stopped";
    static final String SERVICE_REMOVED = "service_removed";
    static final String SERVICE_RUNS_AGAIN = "service_runs_again";
    static final String MAINTENANCE_STARTED = "maintenance_started";
    static final String MAINTENANCE_ENDED = "maintenance_ended";

    static final Set<String> ALL = Set.of(ACTION_STARTED, ACTION_OBSERVED, ACTION_SUPPRESSED, ACTION_SUCCEEDED,
            ACTION_FAILED, NOTIFICATION, SERVICE_FAILURE, DOCKER_DOWN, DOCKER_UP, MANUAL_RESTART, REBOOT_PENDING,
            REBOOT_VALIDATED, SERVICE_STOPPED, SERVICE_REMOVED, SERVICE_RUNS_AGAIN, MAINTENANCE_STARTED,
            MAINTENANCE_ENDED);

    static final String INFO = "info";
    static final String WARNING = "warning";
    static final String ERROR = "error";
    static final String CRITICAL = "critical";
    static final Set<String> SEVERITIES = Set.of(INFO, WARNING, ERROR, CRITICAL);

    private EventTypes() {
    }

    static String of(Decision decision) {
        return switch (decision.outcome()) {
            case RUN -> decision.request().type() == ActionType.NOTIFY ? NOTIFICATION
                    : Decider.MANUAL_RULE.equals(decision.request().rule()) ? MANUAL_RESTART : ACTION_STARTED;
            case OBSERVED -> ACTION_OBSERVED;
            case SUPPRESSED -> ACTION_SUPPRESSED;
        };
    }

    static String severity(Decision decision) {
        if (decision.outcome() == Decision.Outcome.SUPPRESSED) {
            return INFO;
        }
        return severity(decision.request().category());
    }

    static String severity(Category category) {
        return switch (category) {
            case A, B -> WARNING;
            case C -> ERROR;
            case D -> CRITICAL;
        };
    }
}
