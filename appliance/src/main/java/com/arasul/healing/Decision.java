package com.arasul.healing;

import java.time.Instant;

/**
 * What the safety floor made of an action request.
 *
 * @param outcome run it, it was suppressed, or (observe mode) it would have run
 * @param request what the rule asked for
 * @param reason why, in a sentence for the owner
 * @param at when it was decided
 */
public record Decision(Outcome outcome, ActionRequest request, String reason, Instant at) {

    public enum Outcome { RUN, SUPPRESSED, OBSERVED }

    public boolean runs() {
        return outcome == Outcome.RUN;
    }
}
