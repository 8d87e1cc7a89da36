package com.arasul.healing.internal;

import com.arasul.platform.ActionOutcome;

/** An action that ran, and what came of it. */
public record ActionCompletion(PlannedAction action, ActionOutcome outcome) {
}
