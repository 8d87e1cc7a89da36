package com.arasul.healing.internal;

import com.arasul.healing.ActionRequest;
import com.arasul.healing.ActionType;
import com.arasul.healing.Decision;
import com.arasul.healing.HealingMode;
import com.arasul.healing.SafetyFloor;
import com.arasul.platform.ApplianceActivity;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Puts each action request through the safety floor, first leaving alone services outside the
 * engine's scope and services an update is handling, and records every decision. Answers what is
 * to run, or null; the records are written beside it, in order ({@link JournalWriter}), so that
 * nothing on the way from a fault to its restart waits for the database.
 */
public class Decider {

    /** The rule name of restarts the owner asked for: the rules hear of them, the floor does not decide them. */
    public static final String MANUAL_RULE = "manual restart";
    /** The mode recorded for what was decided during a maintenance. */
    static final String MAINTENANCE_MODE = "maintenance";

    private final SafetyFloor floor;
    private final ApplianceActivity activity;
    private final ServiceScope scope;
    private final JournalWriter journal;
    private final AnnouncedMaintenance maintenance;
    private final BackoffRetries retries;
    private final Clock clock;

    public Decider(SafetyFloor floor, ApplianceActivity activity, ServiceScope scope, JournalWriter journal,
            AnnouncedMaintenance maintenance, BackoffRetries retries, Clock clock) {
        this.floor = floor;
        this.activity = activity;
        this.scope = scope;
        this.journal = journal;
        this.maintenance = maintenance;
        this.retries = retries;
        this.clock = clock;
    }

    public PlannedAction decide(ActionRequest request) {
        if (floor.mode() == HealingMode.OFF || MANUAL_RULE.equals(request.rule()) || !scope.admits(request.service())) {
            return null; // switched off, recorded already by the owner's request, or not ours to touch
        }
        Decision decision = underUpdate(request);
        if (decision == null) {
            decision = duringMaintenance(floor.decide(request));
            if (decision.outcome() == Decision.Outcome.SUPPRESSED) {
                retries.heldBack(request);
            }
        }
        Decision decided = decision;
        String mode = decided.outcome() == Decision.Outcome.OBSERVED && maintenance.active().isPresent()
                ? MAINTENANCE_MODE : mode();
        // recorded beside the action, not before it: the restart must not wait for the database
        CompletableFuture<Long> recorded = new CompletableFuture<>();
        journal.write(j -> recorded.complete(j.decided(decided, mode)), () -> recorded.complete(0L));
        return decided.runs() && request.type() != ActionType.NOTIFY ? new PlannedAction(decided, recorded) : null;
    }

    public void failure(FailureNoticed failure) {
        if (scope.includes(failure.service())) {
            journal.write(j -> j.failure(failure, failureType(failure.reason())));
        }
    }

    public String mode() {
        return floor.mode().name().toLowerCase(Locale.ROOT);
    }

    /** What would run does not while a maintenance is under way: decided and recorded, as in observe mode. */
    private Decision duringMaintenance(Decision decision) {
        if (!decision.runs() || decision.request().type() == ActionType.NOTIFY) {
            return decision;
        }
        return maintenance.active().map(m -> new Decision(Decision.Outcome.OBSERVED, decision.request(),
                "Maintenance until " + m.until() + " (" + m.reason() + "): this would have run. "
                        + decision.request().reason(), decision.at())).orElse(decision);
    }

    private Decision underUpdate(ActionRequest request) {
        if (request.service() == null || !activity.isUnderUpdate(request.service())) {
            return null;
        }
        String version = activity.runningUpdate().map(u -> " to " + u.version()).orElse("");
        return new Decision(Decision.Outcome.SUPPRESSED, request, request.service() + " is being updated" + version
                + "; healing leaves it alone until the update is done.", clock.instant());
    }

    static String failureType(String reason) {
        if (reason == null) {
            return "failed";
        }
        if (reason.contains("exit code")) {
            return "died";
        }
        if (reason.contains("health check") || reason.contains("unhealthy")) {
            return "unhealthy";
        }
        if (reason.contains("not running")) {
            return "found_down";
        }
        return reason.contains("restarting it did not work") ? "restart_failed" : "failed";
    }
}
