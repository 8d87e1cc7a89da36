package com.arasul.healing.internal;

import com.arasul.healing.ActionRequest;
import com.arasul.healing.ActionType;
import com.arasul.healing.Decision;

/** An action the safety floor let through, on its way to an adapter; {@code actionId} is its recovery_actions row. */
public record PlannedAction(Decision decision, long actionId) {

    public ActionRequest request() {
        return decision.request();
    }

    public ActionType type() {
        return decision.request().type();
    }
}
