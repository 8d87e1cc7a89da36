package com.arasul.containers;

import java.time.Duration;

/** What a Docker action did: success or not, a sentence saying why, and how long it took. */
public record ActionResult(boolean success, String message, Duration duration) {

    public static ActionResult ok(String message, Duration duration) {
        return new ActionResult(true, message, duration);
    }

    public static ActionResult failed(String message, Duration duration) {
        return new ActionResult(false, message, duration);
    }
}
