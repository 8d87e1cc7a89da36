package com.arasul.platform;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What an outbound adapter answers for one action (unload a model, reset the GPU, reboot, ...).
 * Adapters never throw for a failure they can expect: a service that is down, a timeout or a
 * device without the tool all come back as a failed outcome with a sentence an owner understands.
 *
 * @param success whether the action did what it was asked to do
 * @param message one sentence, free of secrets, saying what happened
 * @param duration how long the action took, the timeout included
 */
public record ActionOutcome(boolean success, String message, Duration duration) {

    public static ActionOutcome succeeded(String message, Duration duration) {
        return new ActionOutcome(true, message, duration);
    }

    public static ActionOutcome failed(String message, Duration duration) {
        return new ActionOutcome(false, message, duration);
    }

    /** Runs an action and stamps its outcome with the time it took. */
    public static ActionOutcome timed(Supplier<ActionOutcome> action) {
        long start = System.nanoTime();
        ActionOutcome outcome = action.get();
        return new ActionOutcome(outcome.success(), outcome.message(), Duration.ofNanos(System.nanoTime() - start));
    }
}
