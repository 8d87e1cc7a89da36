package com.arasul.containers.internal;

import com.arasul.containers.ActionResult;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs one Docker action and turns its outcome, or its failure, into an {@link ActionResult}. */
final class Timed {

    private Timed() {
    }

    /** @param action answers the success sentence, or throws {@link Refused} / any exception to fail */
    static ActionResult run(String what, Supplier<String> action) {
        long start = System.nanoTime();
        try {
            String message = action.get();
            return ActionResult.ok(message, elapsed(start));
        } catch (Refused refused) {
            return ActionResult.failed(refused.getMessage(), elapsed(start));
        } catch (RuntimeException e) {
            return ActionResult.failed(what + " failed: " + DockerEventStream.describe(e), elapsed(start));
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** An action refused before Docker was asked to do anything. */
    static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
