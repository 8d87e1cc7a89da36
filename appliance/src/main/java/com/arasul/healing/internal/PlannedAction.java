package com.arasul.healing.internal;

import com.arasul.healing.ActionRequest;
import com.arasul.healing.ActionType;
import com.arasul.healing.Decision;
import java.util.concurrent.CompletableFuture;

/**
 * An action the safety floor let through, on its way to an adapter. Its recovery_actions row is
 * written beside it ({@link JournalWriter}): {@code recorded} completes with the row's id (0 if it
 * could not be written).
 */
public record PlannedAction(Decision decision, CompletableFuture<Long> recorded) {

    public ActionRequest request() {
        return decision.request();
    }

    public ActionType type() {
        return decision.request().type();
    }

    /**
     * The row's id; asked for on the journal's own thread after the decision's row was written
     * (one thread, in order), so it never waits. 0 if it was not written.
     */
    long actionId() {
        return recorded.getNow(0L);
    }
}
