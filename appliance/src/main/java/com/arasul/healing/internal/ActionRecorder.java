package com.arasul.healing.internal;

import com.arasul.healing.ActionRequest;
import com.arasul.healing.Category;
import com.arasul.healing.facts.ActionResult;
import com.arasul.platform.ActionOutcome;
import com.arasul.platform.ApplianceActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one adapter call safely, records its result and turns it into the {@link ActionResult} fact
 * the rules see next. While category C or D actions run, and until none ran for a quiet period,
 * {@link ApplianceActivity} says critical healing is under way (updates wait for it).
 */
public class ActionRecorder {

    private static final Logger log = LoggerFactory.getLogger(ActionRecorder.class);

    private final JournalWriter journal;
    private final ApplianceActivity activity;
    private final Duration quiet;
    private final Clock clock;
    private final Supplier<String> mode;
    private volatile Instant lastCritical;

    public ActionRecorder(JournalWriter journal, ApplianceActivity activity, Duration quiet, Clock clock,
            Supplier<String> mode) {
        this.journal = journal;
        this.activity = activity;
        this.quiet = quiet;
        this.clock = clock;
        this.mode = mode;
    }

    /** Runs {@code adapter} for {@code action}; an adapter that throws is a failed outcome, never a lost one. */
    public ActionCompletion run(PlannedAction action, Supplier<ActionOutcome> adapter) {
        ActionRequest r = action.request();
        if (r.category() == Category.C || r.category() == Category.D) {
            lastCritical = clock.instant();
            activity.criticalHealingStarted(r.category().name(), r.reason());
        }
        ActionOutcome outcome;
        try {
            outcome = ActionOutcome.timed(adapter);
        } catch (RuntimeException e) {
            log.warn("{} for {} failed", r.type(), r.service(), e);
            outcome = ActionOutcome.failed(r.type() + " failed: " + e.getMessage(), Duration.ZERO);
        }
        return new ActionCompletion(action, outcome);
    }

    public ActionResult completed(ActionCompletion c) {
        ActionRequest r = c.action().request();
        String now = mode.get();
        // after the decision's row on the same thread, so its id is known by then
        journal.write(j -> j.result(c.action().actionId(), c.action().decision(), c.outcome(), now));
        return new ActionResult(r.type(), r.service(), c.outcome().success(), c.outcome().message());
    }

    /** Ends the critical-healing state once no C or D action ran for the quiet period. */
    public void checkQuiet() {
        Instant last = lastCritical;
        if (last != null && clock.instant().isAfter(last.plus(quiet))) {
            lastCritical = null;
            activity.criticalHealingEnded();
        }
    }
}
